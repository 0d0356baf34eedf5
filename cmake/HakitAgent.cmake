# hakit_add_agent(NAME SOURCES src... LIBRARIES lib... [ALIASES alias...] [STATIC])
#
# Builds the OCF agent NAME from metadata/NAME.xml (embedded, with its parameter and
# action tables generated) and the given sources, into the build tree's
# ocf/resource.d/hakit/, and installs it and its meta-data. Also provides the
# library hakit_metadata_NAME (header "metadata/NAME.h") for tests. Each alias is a
# symlink to the agent, in the build tree and installed; the agent renames its
# meta-data after argv[0] (ocf/agent_alias.h).
#
# STATIC links the agent as a static PIE (outside sanitizer builds, which need the
# dynamic ASan runtime): no dynamic loader and no libc.so to map and relocate at each exec,
# which was ~40% of a monitor's CPU (0.55 -> 0.38 ms task-clock for LVM-activate; 77 -> 55
# page faults). Only for agents that need neither NSS (getaddrinfo, getpwnam) nor dlopen:
# glibc warns when a static link uses them, and the link treats warnings as errors.
# hakit_embed_metadata(NAME [FENCE]): generates hakit_metadata_NAME from metadata/NAME.xml,
# as OCF meta-data or, with FENCE, as fence-agent meta-data.
function(hakit_embed_metadata NAME)
  cmake_parse_arguments(ARG "FENCE" "" "" ${ARGN})
  set(xml "${PROJECT_SOURCE_DIR}/metadata/${NAME}.xml")
  set(out "${CMAKE_BINARY_DIR}/generated/metadata")
  file(MAKE_DIRECTORY "${out}")
  if(ARG_FENCE)
    set(kind --fence)
    set(runtime hakit_fence)
  else()
    set(kind)
    set(runtime hakit_ocf)
  endif()
  add_custom_command(
    OUTPUT "${out}/${NAME}.h" "${out}/${NAME}.cc"
    COMMAND hakit-embed-metadata ${kind} "${xml}" "${out}/${NAME}.h" "${out}/${NAME}.cc"
    DEPENDS hakit-embed-metadata "${xml}"
    COMMENT "Embedding meta-data of ${NAME}")
  add_library(hakit_metadata_${NAME} STATIC "${out}/${NAME}.cc")
  target_include_directories(hakit_metadata_${NAME} PUBLIC "${CMAKE_BINARY_DIR}/generated")
  target_link_libraries(hakit_metadata_${NAME} PUBLIC ${runtime})
  install(FILES "${xml}" DESTINATION ${HAKIT_METADATA_DIR})
endfunction()

function(hakit_add_agent NAME)
  cmake_parse_arguments(ARG "STATIC" "" "SOURCES;LIBRARIES;ALIASES" ${ARGN})
  hakit_embed_metadata(${NAME})
  add_executable(agent_${NAME} ${ARG_SOURCES})
  set_target_properties(agent_${NAME} PROPERTIES OUTPUT_NAME ${NAME}
                        RUNTIME_OUTPUT_DIRECTORY "${HAKIT_BUILD_AGENT_DIR}")
  target_link_libraries(agent_${NAME} PRIVATE hakit_metadata_${NAME} ${ARG_LIBRARIES})
  if(ARG_STATIC AND NOT HAKIT_SANITIZE)
    set_target_properties(agent_${NAME} PROPERTIES HAKIT_STATIC_PIE ON)
    target_link_options(agent_${NAME} PRIVATE -static-pie -Wl,--fatal-warnings)
    set_property(GLOBAL APPEND PROPERTY HAKIT_STATIC_AGENTS ${NAME})  # tests/CMakeLists.txt
  endif()
  install(TARGETS agent_${NAME} DESTINATION ${HAKIT_OCF_AGENT_DIR}
          PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE
                      WORLD_READ WORLD_EXECUTE)
  foreach(alias IN LISTS ARG_ALIASES)
    add_custom_command(TARGET agent_${NAME} POST_BUILD
                       COMMAND ${CMAKE_COMMAND} -E create_symlink ${NAME} ${alias}
                       WORKING_DIRECTORY "${HAKIT_BUILD_AGENT_DIR}")
    install(FILES "${HAKIT_BUILD_AGENT_DIR}/${alias}" DESTINATION ${HAKIT_OCF_AGENT_DIR})
  endforeach()
endfunction()

# hakit_add_fence_agent(DEVICE SOURCES src... LIBRARIES lib...)
#
# Builds a fence device's two executables from the same sources (one main() calling
# hakit::fence::run_front, see lib/fence/front.h) and metadata/fence_hakit_DEVICE.xml:
#   fence_hakit_DEVICE      the fence agent, installed to sbin (build tree: fence/)
#   hakit-DEVICE            the cluster-glue external plugin, installed to
#                           lib/stonith/plugins/external, mode 0755 (build tree: external/)
# Each links its own front library; both get hakit_metadata_fence_hakit_DEVICE (header
# "metadata/fence_hakit_DEVICE.h"), which tests can link too.
set(HAKIT_FENCE_AGENT_DIR "${CMAKE_INSTALL_SBINDIR}" CACHE STRING "Where fence agents are installed")
set(HAKIT_STONITH_PLUGIN_DIR "lib/stonith/plugins/external"
    CACHE STRING "Where cluster-glue external plugins are installed")
set(HAKIT_BUILD_FENCE_DIR "${CMAKE_BINARY_DIR}/fence")
set(HAKIT_BUILD_PLUGIN_DIR "${CMAKE_BINARY_DIR}/external")

function(hakit_add_fence_agent DEVICE)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBRARIES" ${ARGN})
  set(name fence_hakit_${DEVICE})
  hakit_embed_metadata(${name} FENCE)
  set(permissions OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ
                  WORLD_EXECUTE)
  foreach(front IN ITEMS agent external)
    set(target fence_${front}_${DEVICE})
    add_executable(${target} ${ARG_SOURCES})
    target_link_libraries(${target} PRIVATE hakit_fence_${front}_front hakit_metadata_${name}
                          ${ARG_LIBRARIES})
  endforeach()
  set_target_properties(fence_agent_${DEVICE} PROPERTIES OUTPUT_NAME ${name}
                        RUNTIME_OUTPUT_DIRECTORY "${HAKIT_BUILD_FENCE_DIR}")
  set_target_properties(fence_external_${DEVICE} PROPERTIES OUTPUT_NAME hakit-${DEVICE}
                        RUNTIME_OUTPUT_DIRECTORY "${HAKIT_BUILD_PLUGIN_DIR}")
  install(TARGETS fence_agent_${DEVICE} DESTINATION ${HAKIT_FENCE_AGENT_DIR}
          PERMISSIONS ${permissions})
  install(TARGETS fence_external_${DEVICE} DESTINATION ${HAKIT_STONITH_PLUGIN_DIR}
          PERMISSIONS ${permissions})
endfunction()
