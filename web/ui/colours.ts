/** The palette: warning levels as in the national standard; everything else muted so levels stand out. */
export const LEVEL_HEX: Record<number, string> = { 1: '#e5262b', 2: '#f58220', 3: '#f2c81e', 4: '#2b7bd6' };

export const DOMAIN_HEX: Record<string, string> = {
  gas: '#d9a441', water: '#3d9be9', drainage: '#8e7c6b', heating: '#c96e5a', power: '#a58be0',
  bridge: '#c7d0d9', tunnel: '#3cc2c9', hydrant: '#e0607e', building: '#5c6f86', environment: '#6fbf73',
};

export const SENSOR_HEX = { online: '#27c07d', offline: '#5f6b7a', maintenance: '#9b7fd1', disabled: '#3d4653' } as const;

export const MATERIAL_HEX: Record<string, string> = {
  PE: '#4fc3f7', HDPE: '#4fc3f7', 'PE100 SDR11': '#4fc3f7', DI: '#7986cb', CI: '#ef9a9a', SP: '#b0bec5', 'steel L245': '#b0bec5', RC: '#a1887f',
  'pre-insulated steel (PU foam, HDPE jacket)': '#ffcc80',
};

export const AGE_HEX = { new: '#4caf50', mid: '#cddc39', old: '#ff7043' } as const;
