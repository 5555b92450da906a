import { CityProvider } from './api/city';
import { SessionProvider, useSession } from './api/session';
import { CasesProvider } from './features/cases/cases-store';
import { DepartmentView } from './features/department/DepartmentView';
import { Overview } from './features/overview/Overview';
import { RiskPage } from './features/risk/RiskPage';
import { ScenarioPage } from './features/scenarios/ScenarioPage';
import { I18nProvider } from './i18n';
import { MapPage } from './map/MapPage';
import { Login } from './ui/Login';
import { useEffect } from 'react';
import { go, href, useRoute } from './ui/router';
import { Shell } from './ui/Shell';

function Pages() {
  const route = useRoute();
  const { user } = useSession();
  // A handler's desk is the department view: land there unless a link asked for a page.
  useEffect(() => {
    if (user?.role === 'handler' && route.page === 'map' && window.location.hash.replace(/^#\/?/, '') === '') go(href.department());
  }, [user, route.page]);
  if (!user) return <Login />;
  return (
    <CityProvider>
      <CasesProvider>
        <Shell route={route}>
          {route.page === 'overview' ? <Overview />
            : route.page === 'department' ? <DepartmentView caseId={route.id} />
            : route.page === 'risk' ? <RiskPage />
            : route.page === 'scenarios' ? <ScenarioPage />
              : <MapPage route={route} />}
        </Shell>
      </CasesProvider>
    </CityProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <Pages />
      </SessionProvider>
    </I18nProvider>
  );
}
