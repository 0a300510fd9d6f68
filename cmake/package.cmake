# CPack: `cpack -G DEB` (or TGZ) from the build folder makes a package of what cmake/install.cmake
# installs. The .deb declares its runtime libraries so it installs on a fresh machine.

set(CPACK_PACKAGE_NAME "massage-plan")
set(CPACK_PACKAGE_VENDOR "massage-plan contributors")
set(CPACK_PACKAGE_CONTACT "massage-plan contributors <massage-plan@example.org>")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION
    "massage-plan builds daily or multi-week self-care plans (self-massage, stretches, mobility, strengthening, \
breathing, mindfulness and professional massage) for neck and spine care from a built-in or \
user YAML library, a person's goals, time and health conditions. It never schedules a technique \
contraindicated for a stated condition. Plans print in the terminal or export to iCalendar, \
JSON, CSV and Markdown. Wellness guidance, not medical treatment.")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "massage-plan")
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR "DEB;TGZ")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_SOURCE_GENERATOR "TGZ")
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/build[^/]*/" "/out/" "\\\\.swp$")

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # massage-plan_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION "utils")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "bash-completion")
# Runtime libraries: dpkg-shlibdeps (dpkg-dev) works them out with the right versions for the
# machine that builds the package. Without it, name Debian 12's packages (check with ldd):
# libfmt, yaml-cpp, date-tz (which pulls in tzdata, needed for --timezone and local dates) and
# libsqlite3 (the history).
find_program(MP_DPKG_SHLIBDEPS dpkg-shlibdeps)
if(MP_DPKG_SHLIBDEPS)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "tzdata")
else()
  set(CPACK_DEBIAN_PACKAGE_DEPENDS
      "libc6 (>= 2.34), libstdc++6 (>= 12), libgcc-s1 (>= 3.0), libfmt9, libyaml-cpp0.7, libdate-tz3, libsqlite3-0, tzdata")
endif()

include(CPack)
