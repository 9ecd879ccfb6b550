# The Debian package: `cpack -G DEB` in the build folder (scripts/package-deb does it).
# The install rules of cmake/install.cmake with the prefix /usr, so the config lands in /etc.
# https://cmake.org/cmake/help/latest/cpack_gen/deb.html
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME superbot)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "superbruger-bot")
set(CPACK_PACKAGE_CONTACT "superbruger-bot maintainers <superbot@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "chat bot for the DUBU superbruger network of the Danish municipalities")
set(CPACK_PACKAGE_DESCRIPTION "Answers questions about DUBU roles and procedures from a bundled knowledge base, keeps the
network's role directory, change requests and release-note reviews, and talks to Microsoft
Teams. Runs as the systemd service superbot.service under its own system user.")
# DESTDIR staging keeps CMAKE_INSTALL_PREFIX at /usr while installing, so the unit's paths and
# the /etc rule in cmake/install.cmake see the real prefix.
set(CPACK_SET_DESTDIR ON)
set(CPACK_INSTALL_PREFIX /usr)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# The shared libraries' packages come from dpkg-shlibdeps; the rest is what the service needs.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Debug symbols stay in the build; the package carries the stripped binary.
set(CPACK_STRIP_FILES TRUE)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "ca-certificates, systemd | adduser")
# The Danish and English word lists make the spelling correction more careful; superbot works
# without them.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "wdanish, wamerican")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    "${PROJECT_SOURCE_DIR}/deploy/debian/conffiles;${PROJECT_SOURCE_DIR}/deploy/debian/postinst;${PROJECT_SOURCE_DIR}/deploy/debian/prerm;${PROJECT_SOURCE_DIR}/deploy/debian/postrm")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
include(CPack)
