# One static library per layer and module, each with the modules it may use.
#
#   weltcampus_module(<name> DEPENDS <module>... [LIBS <library>...] [SOURCES <extra>...])
#
# builds src/<name>/**/*.cpp (without the *_test.cpp files) into `wc_<name>`. Its headers are
# reachable as "<name>/..." only through `${CMAKE_BINARY_DIR}/include/<name>`, a folder holding a
# single link to src/<name>; a library sees that folder for itself and for the modules it depends
# on, and nothing else. So an include of a module that is not declared (a layer reaching up, or a
# module into one it does not build on) fails the build with "No such file", and a dependency
# cycle cannot link. ARCHITECTURE.md has the layers.
function(weltcampus_module name)
  cmake_parse_arguments(MODULE "" "" "DEPENDS;LIBS;SOURCES" ${ARGN})
  set(dir ${CMAKE_SOURCE_DIR}/src/${name})
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${dir}/*.cpp)
  list(FILTER sources EXCLUDE REGEX ".*_test\\.cpp$")
  list(FILTER sources EXCLUDE REGEX ".*/src/cli/main\\.cpp$")
  add_library(wc_${name} STATIC ${sources} ${MODULE_SOURCES})
  weltcampus_use_pch(wc_${name})
  set(root ${CMAKE_BINARY_DIR}/include/${name})
  file(MAKE_DIRECTORY ${root})
  if(NOT EXISTS ${root}/${name})
    file(CREATE_LINK ${dir} ${root}/${name} SYMBOLIC)
  endif()
  target_include_directories(wc_${name} PUBLIC ${root})
  set(libraries)
  foreach(dependency IN LISTS MODULE_DEPENDS)
    list(APPEND libraries wc_${dependency})
  endforeach()
  target_link_libraries(wc_${name} PUBLIC ${libraries} ${MODULE_LIBS})
  target_link_libraries(wc_${name} PUBLIC nlohmann_json::nlohmann_json fmt::fmt spdlog::spdlog)
endfunction()
