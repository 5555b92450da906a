import { validationError } from '../domain/index.js';
import { assessGasLeak, assessOutage, assessRainstorm, assessWaterBurst, type Impact } from '../assess/index.js';
import type { CitySnapshot } from './city-models.js';
import type { ScenarioInput } from './params.js';

/**
 * Run one checked scenario on the city's models. Ids the city does not have are the caller's
 * mistake, named like any other bad field.
 */
export async function runScenario(city: CitySnapshot, input: ScenarioInput, at: number): Promise<Impact> {
  const context = city.context(at);
  switch (input.kind) {
    case 'water-burst': {
      if (!city.water) throw unavailable(city, 'water');
      if (!city.water.pipes.some((p) => p.id === input.params.pipe)) throw validationError('params.pipe', `no water pipe '${input.params.pipe}'`, 'unknown');
      return assessWaterBurst(city.water, input.params, context);
    }
    case 'rainstorm':
      if (!city.drainage) throw unavailable(city, 'drainage');
      if (city.drainage.nodes.length === 0) throw validationError('kind', 'the city has no drainage network registered', 'unavailable');
      return assessRainstorm(city.drainage, input.params, context);
    case 'gas-leak': {
      const { asset } = input.params;
      if (asset !== undefined && !city.byId.has(asset)) throw validationError('params.asset', `no asset '${asset}'`, 'unknown');
      if (!city.assets.some((a) => a.domain === 'gas' && a.kind === 'pipe')) throw validationError('kind', 'the city has no gas pipes registered', 'unavailable');
      try {
        return assessGasLeak(input.params, context);
      } catch (e) {
        // The model refuses a leak site it cannot place (no gas main near the point or asset): the caller's input.
        if (/no gas pipe/.test((e as Error).message)) throw validationError(asset !== undefined ? 'params.asset' : 'params.point', (e as Error).message, 'no_gas_main');
        throw e;
      }
    }
    case 'outage':
      if (!city.byId.has(input.params.asset) && !city.graph.nodes.some((n) => n.id === input.params.asset)) throw validationError('params.asset', `no asset '${input.params.asset}'`, 'unknown');
      return assessOutage(city.graph, input.params, context);
  }
}

function unavailable(city: CitySnapshot, network: string) {
  const why = city.problems.find((p) => p.startsWith(`${network}:`)) ?? `${network}: not built`;
  return validationError('kind', `the ${network} network cannot be modelled from the registered assets (${why}); fix the assets and try again`, 'unavailable');
}
