# hakit_add_agent(NAME SOURCES src... LIBRARIES lib...)
#
# Builds the OCF agent NAME from metadata/NAME.xml (embedded, with its parameter and
# action tables generated) and the given sources, into the build tree's
# ocf/resource.d/hakit/, and installs it and its meta-data. Also provides the
# library hakit_metadata_NAME (header "metadata/NAME.h") for tests.
function(hakit_embed_metadata NAME)
  set(xml "${PROJECT_SOURCE_DIR}/metadata/${NAME}.xml")
  set(out "${CMAKE_BINARY_DIR}/generated/metadata")
  file(MAKE_DIRECTORY "${out}")
  add_custom_command(
    OUTPUT "${out}/${NAME}.h" "${out}/${NAME}.cc"
    COMMAND hakit-embed-metadata "${xml}" "${out}/${NAME}.h" "${out}/${NAME}.cc"
    DEPENDS hakit-embed-metadata "${xml}"
    COMMENT "Embedding meta-data of ${NAME}")
  add_library(hakit_metadata_${NAME} STATIC "${out}/${NAME}.cc")
  target_include_directories(hakit_metadata_${NAME} PUBLIC "${CMAKE_BINARY_DIR}/generated")
  target_link_libraries(hakit_metadata_${NAME} PUBLIC hakit_ocf)
  install(FILES "${xml}" DESTINATION ${HAKIT_METADATA_DIR})
endfunction()

function(hakit_add_agent NAME)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBRARIES" ${ARGN})
  hakit_embed_metadata(${NAME})
  add_executable(agent_${NAME} ${ARG_SOURCES})
  set_target_properties(agent_${NAME} PROPERTIES OUTPUT_NAME ${NAME}
                        RUNTIME_OUTPUT_DIRECTORY "${HAKIT_BUILD_AGENT_DIR}")
  target_link_libraries(agent_${NAME} PRIVATE hakit_metadata_${NAME} ${ARG_LIBRARIES})
  install(TARGETS agent_${NAME} DESTINATION ${HAKIT_OCF_AGENT_DIR}
          PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE
                      WORLD_READ WORLD_EXECUTE)
endfunction()
