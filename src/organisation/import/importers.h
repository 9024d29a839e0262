#pragma once

namespace weltcampus::organisation {

// Registers the organisation's importer (kit/importers.h): "isced", the ISCED-F 2013 fields of
// education (a table). Called once at start (cli/app.cpp).
void RegisterImporters();

}  // namespace weltcampus::organisation
