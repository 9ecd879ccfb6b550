# `cmake --install` layout, the same for every prefix (the .deb uses /usr):
#   PREFIX/bin/superbot
#   PREFIX/share/superbot/knowledge/     the bundled knowledge base (found beside the binary)
#   PREFIX/share/superbot/teams/         Teams app templates and the package script
#   PREFIX/share/doc/superbot/           runbook, reverse-proxy example, dashboard, example config
#   PREFIX/lib/systemd/system/superbot.service, PREFIX/lib/sysusers.d/superbot.conf
#   SYSCONFDIR/superbot/config.json      the example config; never overwritten once there
#   SYSCONFDIR/superbot/config.example.json
# SYSCONFDIR is /etc for the prefix /usr and PREFIX/etc otherwise (as GNUInstallDirs has it).
# The paths inside the unit are filled in at install time, so `--prefix` and CPack's prefix
# both give a unit that names the binary and config where they really are.

install(DIRECTORY knowledge/content/ DESTINATION ${CMAKE_INSTALL_DATADIR}/superbot/knowledge)
install(FILES deploy/teams/manifest.template.json deploy/teams/en-us.template.json
              deploy/teams/color.png deploy/teams/outline.png
        DESTINATION ${CMAKE_INSTALL_DATADIR}/superbot/teams)
install(PROGRAMS deploy/teams/package DESTINATION ${CMAKE_INSTALL_DATADIR}/superbot/teams)
set(SB_DOC_FILES deploy/runbook.md deploy/config.example.json)
foreach(optional deploy/nginx-superbot.conf deploy/grafana-dashboard.json deploy/config.container.json)
  if(EXISTS ${PROJECT_SOURCE_DIR}/${optional})
    list(APPEND SB_DOC_FILES ${optional})
  endif()
endforeach()
install(FILES ${SB_DOC_FILES} DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/superbot)
install(FILES deploy/superbot.sysusers RENAME superbot.conf DESTINATION lib/sysusers.d)

install(CODE "
  if(CMAKE_INSTALL_PREFIX STREQUAL \"/usr\")
    set(SB_SYSCONFDIR /etc)
  else()
    set(SB_SYSCONFDIR \"\${CMAKE_INSTALL_PREFIX}/etc\")
  endif()
  set(SB_BINDIR \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}\")
  set(SB_DOCDIR \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_DATADIR}/doc/superbot\")
  set(unit \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/lib/systemd/system/superbot.service\")
  message(STATUS \"Installing: \${unit}\")
  configure_file(\"${PROJECT_SOURCE_DIR}/deploy/superbot.service.in\" \"\${unit}\" @ONLY)
  list(APPEND CMAKE_INSTALL_MANIFEST_FILES \"\${unit}\")
  # file(INSTALL) puts DESTDIR in front of an absolute destination by itself.
  file(INSTALL \"${PROJECT_SOURCE_DIR}/deploy/config.example.json\" DESTINATION \"\${SB_SYSCONFDIR}/superbot\")
  if(NOT EXISTS \"\$ENV{DESTDIR}\${SB_SYSCONFDIR}/superbot/config.json\")
    file(INSTALL \"${PROJECT_SOURCE_DIR}/deploy/config.example.json\" DESTINATION \"\${SB_SYSCONFDIR}/superbot\" RENAME config.json)
  else()
    message(STATUS \"Keeping: \$ENV{DESTDIR}\${SB_SYSCONFDIR}/superbot/config.json\")
  endif()
")
