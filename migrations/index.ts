import * as migration_20261126_053340_initial from './20261126_053340_initial';
import * as migration_20261126_054432_photo_metadata from './20261126_054432_photo_metadata';

export const migrations = [
  {
    up: migration_20261126_053340_initial.up,
    down: migration_20261126_053340_initial.down,
    name: '20261126_053340_initial',
  },
  {
    up: migration_20261126_054432_photo_metadata.up,
    down: migration_20261126_054432_photo_metadata.down,
    name: '20261126_054432_photo_metadata'
  },
];
