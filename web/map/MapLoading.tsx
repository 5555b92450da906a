import { useCity } from '../api/city';
import { useI18n } from '../i18n';

/** "Loading" over a map until the city has arrived, or why it could not. */
export function MapLoading() {
  const city = useCity();
  const { t } = useI18n();
  if (city.error) return <div className="map-loading">{t('common.error', { message: city.error })}</div>;
  return city.loaded ? null : <div className="map-loading">{t('common.loading')}</div>;
}
