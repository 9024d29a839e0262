# Precompiled headers: the external headers (the standard library, nlohmann/json, fmt, spdlog) that
# nearly every file includes, compiled once instead of once per translation unit.
#
# `wc_pch` compiles them with the flags all module libraries share: the global options and the
# usage requirements of nlohmann_json, fmt and spdlog, which every module links (modules.cmake).
# The libraries and executables built on the modules reuse that one header (REUSE_FROM) instead of
# compiling their own; the definitions some of them add (Boost's, CLI11's, the tests') do not occur
# in these headers, so g++ accepts the shared header for all of them, and if it ever refused it,
# -Winvalid-pch (which CMake adds) under -Werror would fail the build rather than go slow. It holds
# external headers only, never a module's: what a module may include stays as modules.cmake says.
# -DWELTCAMPUS_PCH=OFF builds without.
set(WELTCAMPUS_PCH_HEADERS
    <algorithm> <array> <chrono> <cstddef> <cstdint> <filesystem> <functional> <map> <memory>
    <mutex> <optional> <set> <span> <stdexcept> <string> <string_view> <utility> <vector>
    <fmt/format.h> <nlohmann/json.hpp> <spdlog/spdlog.h>)

if(WELTCAMPUS_PCH)
  file(CONFIGURE OUTPUT ${CMAKE_BINARY_DIR}/generated/pch.cpp
       CONTENT "// The translation unit that compiles the shared precompiled header.\n")
  add_library(wc_pch OBJECT ${CMAKE_BINARY_DIR}/generated/pch.cpp)
  target_link_libraries(wc_pch PRIVATE nlohmann_json::nlohmann_json fmt::fmt spdlog::spdlog)
  target_precompile_headers(wc_pch PRIVATE ${WELTCAMPUS_PCH_HEADERS})
endif()

# Gives `target` the shared precompiled header (for targets that link the modules).
function(weltcampus_use_pch target)
  if(WELTCAMPUS_PCH)
    target_precompile_headers(${target} REUSE_FROM wc_pch)
  endif()
endfunction()
