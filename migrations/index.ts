import * as migration_20261126_052633_initial from './20261126_052633_initial';

export const migrations = [
  {
    up: migration_20261126_052633_initial.up,
    down: migration_20261126_052633_initial.down,
    name: '20261126_052633_initial'
  },
];
