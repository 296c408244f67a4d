# The malformed-file corpus and its test (included from conformance/CMakeLists.txt).
# make_malformed.py writes the corpus into the build tree at test time (fixture
# io_corpus); malformed_tests loads every file through every loader.
set(PARITY_IO_CORPUS_DIR ${CMAKE_CURRENT_BINARY_DIR}/io_corpus)
add_test(NAME io_malformed_corpus
         COMMAND $<IF:$<BOOL:${PARITY_PYTHON_EXE}>,${PARITY_PYTHON_EXE},/usr/bin/python3>
                 ${CMAKE_CURRENT_LIST_DIR}/make_malformed.py ${PARITY_IO_CORPUS_DIR})
set_tests_properties(io_malformed_corpus PROPERTIES LABELS io FIXTURES_SETUP io_corpus)

add_executable(malformed_tests ${CMAKE_CURRENT_LIST_DIR}/malformed_tests.cpp)
target_link_libraries(malformed_tests PRIVATE parity_ref parity_fast parity_io GTest::gtest
                                              nlohmann_json::nlohmann_json parity_warnings)
target_compile_definitions(malformed_tests PRIVATE
                           PARITY_IO_CORPUS_DIR="${PARITY_IO_CORPUS_DIR}")
add_test(NAME io_malformed COMMAND malformed_tests)
set_tests_properties(io_malformed PROPERTIES LABELS io FIXTURES_REQUIRED io_corpus)

# G1(c): no function that runs code is called from the loader sources.
add_test(NAME io_no_exec_paths COMMAND ${CMAKE_CURRENT_LIST_DIR}/check_no_exec.sh ${PROJECT_SOURCE_DIR})
set_tests_properties(io_no_exec_paths PROPERTIES LABELS io)
