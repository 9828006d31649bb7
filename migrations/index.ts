import * as migration_20261126_053340_initial from './20261126_053340_initial';
import * as migration_20261126_054432_photo_metadata from './20261126_054432_photo_metadata';
import * as migration_20261126_073247_listing_indexes from './20261126_073247_listing_indexes';
import * as migration_20261126_081025_tag_value_index from './20261126_081025_tag_value_index';
import * as migration_20261126_081731_sitemap_part_dates from './20261126_081731_sitemap_part_dates';
import * as migration_20261126_094112_listing_covering_index from './20261126_094112_listing_covering_index';
import * as migration_20261201_075711_redirects from './20261201_075711_redirects';
import * as migration_20261201_081019_article_language from './20261201_081019_article_language';

export const migrations = [
  {
    up: migration_20261126_053340_initial.up,
    down: migration_20261126_053340_initial.down,
    name: '20261126_053340_initial',
  },
  {
    up: migration_20261126_054432_photo_metadata.up,
    down: migration_20261126_054432_photo_metadata.down,
    name: '20261126_054432_photo_metadata',
  },
  {
    up: migration_20261126_073247_listing_indexes.up,
    down: migration_20261126_073247_listing_indexes.down,
    name: '20261126_073247_listing_indexes',
  },
  {
    up: migration_20261126_081025_tag_value_index.up,
    down: migration_20261126_081025_tag_value_index.down,
    name: '20261126_081025_tag_value_index',
  },
  {
    up: migration_20261126_081731_sitemap_part_dates.up,
    down: migration_20261126_081731_sitemap_part_dates.down,
    name: '20261126_081731_sitemap_part_dates',
  },
  {
    up: migration_20261126_094112_listing_covering_index.up,
    down: migration_20261126_094112_listing_covering_index.down,
    name: '20261126_094112_listing_covering_index',
  },
  {
    up: migration_20261201_075711_redirects.up,
    down: migration_20261201_075711_redirects.down,
    name: '20261201_075711_redirects',
  },
  {
    up: migration_20261201_081019_article_language.up,
    down: migration_20261201_081019_article_language.down,
    name: '20261201_081019_article_language'
  },
];
