// The organisation's shared data (module `organisation`): the school's units and the ISCED-F fields.
import { get, resource } from './core.js';

export default {
  isced: (query, signal) => get('/isced', query, signal),
  orgUnits: resource('/org-units'),
};
