import { useState } from 'react';
import { useI18n, type MessageKey } from '../i18n';
import { AGE_HEX, LEVEL_HEX, SENSOR_HEX } from '../ui/colours';
import { LAYER_GROUPS, type LayerGroup, type PipeColouring } from './asset-layers';

export interface LayerPanelProps {
  visible: Record<LayerGroup, boolean>;
  onToggle(group: LayerGroup): void;
  pipeColouring: PipeColouring;
  onPipeColouring(mode: PipeColouring): void;
  /** Layers the server cannot provide yet: shown, marked, not silently empty. */
  unavailable?: LayerGroup[];
}

/** Layer switches per domain, the pipe colouring and the sensor legend. */
export function LayerPanel({ visible, onToggle, pipeColouring, onPipeColouring, unavailable = [] }: LayerPanelProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState(window.innerWidth > 1500);
  if (!open) return <button type="button" className="layer-panel folded" onClick={() => setOpen(true)}>+ {t('layer.title')}</button>;
  return (
    <aside className="layer-panel">
      <h3 className="fold" onClick={() => setOpen(false)}>{t('layer.title')} <span className="muted">−</span></h3>
      {(Object.keys(LAYER_GROUPS) as LayerGroup[]).map((g) => (
        <label key={g} className="toggle"><input type="checkbox" checked={visible[g]} onChange={() => onToggle(g)} data-layer={g} disabled={unavailable.includes(g)} /> {t(`layer.${g}` as MessageKey)}{unavailable.includes(g) && <span className="muted small" title={t('common.unavailable')}> ({t('layer.notYet')})</span>}</label>
      ))}
      <h3>{t('layer.pipeColour')}</h3>
      <div className="segmented">
        {(['domain', 'material', 'age'] as const).map((m) => (
          <button key={m} type="button" className={m === pipeColouring ? 'on' : ''} onClick={() => onPipeColouring(m)}>
            {t(m === 'domain' ? 'layer.byDomain' : m === 'material' ? 'layer.byMaterial' : 'layer.byAge')}
          </button>
        ))}
      </div>
      {pipeColouring === 'age' && (
        <div className="legend-list">
          <span><i style={{ background: AGE_HEX.new }} />{t('legend.age.new')}</span>
          <span><i style={{ background: AGE_HEX.mid }} />{t('legend.age.mid')}</span>
          <span><i style={{ background: AGE_HEX.old }} />{t('legend.age.old')}</span>
        </div>
      )}
      <h3>{t('layer.sensors')}</h3>
      <div className="legend-list">
        <span><i style={{ background: SENSOR_HEX.online }} />{t('sensor.online')}</span>
        <span><i style={{ background: SENSOR_HEX.offline }} />{t('sensor.offline')}</span>
        {[1, 2, 3, 4].map((l) => <span key={l}><i style={{ background: LEVEL_HEX[l] }} />{t(`level.${l}` as MessageKey)}</span>)}
      </div>
    </aside>
  );
}
