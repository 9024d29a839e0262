#pragma once

namespace weltcampus::partners {

// Registers the register's importers (kit/importers.h): "eche" (the ECHE holders, a table) and
// "world-universities" (a JSON list). Called once at start (cli/app.cpp).
void RegisterImporters();

}  // namespace weltcampus::partners
