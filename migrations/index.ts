import * as migration_20261126_053340_initial from './20261126_053340_initial';

export const migrations = [
  {
    up: migration_20261126_053340_initial.up,
    down: migration_20261126_053340_initial.down,
    name: '20261126_053340_initial'
  },
];
