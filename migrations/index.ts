import * as migration_20261126_053340_initial from './20261126_053340_initial';
import * as migration_20261126_054432_photo_metadata from './20261126_054432_photo_metadata';
import * as migration_20261126_073247_listing_indexes from './20261126_073247_listing_indexes';
import * as migration_20261126_081025_tag_value_index from './20261126_081025_tag_value_index';
import * as migration_20261126_081731_sitemap_part_dates from './20261126_081731_sitemap_part_dates';
import * as migration_20261126_094112_listing_covering_index from './20261126_094112_listing_covering_index';
import * as migration_20261201_074504_invalidation_log from './20261201_074504_invalidation_log';
import * as migration_20261201_091101_photo_visibility from './20261201_091101_photo_visibility';
import * as migration_20261201_091423_redirects_and_language from './20261201_091423_redirects_and_language';
import * as migration_20261201_120634_desk_trust from './20261201_120634_desk_trust';
import * as migration_20261201_165058_sitemap_part_updated from './20261201_165058_sitemap_part_updated';
import * as migration_20261201_170058_admin_list_dates from './20261201_170058_admin_list_dates';
import * as migration_20261201_170629_section_listing from './20261201_170629_section_listing';
import * as migration_20261201_193501_sitemap_part_covering from './20261201_193501_sitemap_part_covering';
import * as migration_20261201_232813_desk_updated from './20261201_232813_desk_updated';
import * as migration_20261202_043458_sitemap_months from './20261202_043458_sitemap_months';
import * as migration_20261202_054031_photos_to_fix from './20261202_054031_photos_to_fix';

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
    up: migration_20261201_074504_invalidation_log.up,
    down: migration_20261201_074504_invalidation_log.down,
    name: '20261201_074504_invalidation_log',
  },
  {
    up: migration_20261201_091101_photo_visibility.up,
    down: migration_20261201_091101_photo_visibility.down,
    name: '20261201_091101_photo_visibility',
  },
  {
    up: migration_20261201_091423_redirects_and_language.up,
    down: migration_20261201_091423_redirects_and_language.down,
    name: '20261201_091423_redirects_and_language',
  },
  {
    up: migration_20261201_120634_desk_trust.up,
    down: migration_20261201_120634_desk_trust.down,
    name: '20261201_120634_desk_trust',
  },
  {
    up: migration_20261201_165058_sitemap_part_updated.up,
    down: migration_20261201_165058_sitemap_part_updated.down,
    name: '20261201_165058_sitemap_part_updated',
  },
  {
    up: migration_20261201_170058_admin_list_dates.up,
    down: migration_20261201_170058_admin_list_dates.down,
    name: '20261201_170058_admin_list_dates',
  },
  {
    up: migration_20261201_170629_section_listing.up,
    down: migration_20261201_170629_section_listing.down,
    name: '20261201_170629_section_listing',
  },
  {
    up: migration_20261201_193501_sitemap_part_covering.up,
    down: migration_20261201_193501_sitemap_part_covering.down,
    name: '20261201_193501_sitemap_part_covering',
  },
  {
    up: migration_20261201_232813_desk_updated.up,
    down: migration_20261201_232813_desk_updated.down,
    name: '20261201_232813_desk_updated',
  },
  {
    up: migration_20261202_043458_sitemap_months.up,
    down: migration_20261202_043458_sitemap_months.down,
    name: '20261202_043458_sitemap_months',
  },
  {
    up: migration_20261202_054031_photos_to_fix.up,
    down: migration_20261202_054031_photos_to_fix.down,
    name: '20261202_054031_photos_to_fix'
  },
];
