# Run by ctest after the unit tests doctest_discover_tests found (TEST_INCLUDE_FILES, in order).
# Tests whose failure is running too long get a real limit: ctest stops them and fails them.
# The limits are far above the time the tests take (seconds in Release, several times that with the
# sanitizers on a busy machine) and far below what the bug they guard against costs.
set_tests_properties("limits: a long duplicate-free id list is read in linear time"
                     PROPERTIES TIMEOUT 120)
