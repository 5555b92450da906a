import { api } from '../../api/client';
import { useCity, useDepartmentName } from '../../api/city';
import { useAsync } from '../../api/use-async';
import { useI18n, useLabel } from '../../i18n';
import { formatTime } from '../../ui/format';
import { go, href } from '../../ui/router';

const HIDDEN = new Set(['from', 'to']);
/** `fooEn` / `fooZh` are translations of `foo`: shown in its place, never as rows of their own. */
const isTranslation = (k: string) => /(En|Zh)$/.test(k);

/** One asset: kind, owner, attributes and its sensors with their state and last value. */
export function AssetDetail({ id, onClose }: { id: string; onClose(): void }) {
  const { t, lang } = useI18n();
  const label = useLabel();
  const dept = useDepartmentName();
  const { assetsById } = useCity();
  const asset = useAsync(async () => assetsById.get(id) ?? api.asset(id), [id, assetsById]);
  const sensors = useAsync(() => api.sensors({ asset: id }), [id]);
  const a = asset.data;
  if (!a) return <div className="detail pad">{asset.loading ? t('common.loading') : t('common.error', { message: asset.error?.message ?? '' })}</div>;
  const p = a.properties;
  const name = String((lang === 'en' ? p.nameEn : undefined) ?? p.name ?? a.id);
  return (
    <article className="detail">
      <header className="detail-head">
        <button type="button" className="ghost" onClick={onClose}>← {t('common.back')}</button>
        <h2>{name}</h2>
        <span className="muted">{a.id}</span>
      </header>
      <dl className="facts">
        <dt>{t('asset.kind')}</dt><dd>{label('kind', p.kind)}</dd>
        <dt>{t('case.domain')}</dt><dd>{label('domain', p.domain)}</dd>
        <dt>{t('asset.department')}</dt><dd>{dept(p.department ?? null, lang)}</dd>
      </dl>
      <section>
        <h3>{t('asset.attributes')}</h3>
        <dl className="facts">
          {Object.entries(p).filter(([k, v]) => !['kind', 'domain', 'department', 'name'].includes(k) && !HIDDEN.has(k) && !isTranslation(k) && (typeof v !== 'object' || v === null)).map(([k, v]) => (
            <FragmentPair key={k} k={label('attr', k)} v={typeof v === 'boolean' ? t(v ? 'common.yes' : 'common.no') : String((lang === 'en' ? p[`${k}En`] : p[`${k}Zh`]) ?? v)} />
          ))}
        </dl>
      </section>
      <section>
        <h3>{t('asset.sensors')}</h3>
        <table className="table"><tbody>{(sensors.data ?? []).map((s) => (
          <tr key={s.id} className="clickable" onClick={() => go(href.sensor(s.id))}>
            <td>{s.id}</td><td>{label('quantity', s.quantity)}</td><td><span className={`state sensor-${s.status}`}>{label('sensor', s.status)}</span></td>
            <td>{s.last ? `${s.last.value} ${s.unit}` : '—'}</td><td className="muted">{s.last ? formatTime(s.last.ts, lang) : ''}</td>
          </tr>))}
        </tbody></table>
        {sensors.data?.length === 0 && <p className="muted">{t('common.none')}</p>}
      </section>
    </article>
  );
}

function FragmentPair({ k, v }: { k: string; v: string }) {
  return <><dt>{k}</dt><dd>{v}</dd></>;
}
