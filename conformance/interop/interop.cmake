# Round trips of save/load with real PyTorch (SAVE-11, SAVE-12; included from
# conformance/CMakeLists.txt). make_torch_files.py writes the torch.save files
# and their manifest into the build tree at test time; interop_torch_files
# loads them in both engines (and LibTorch's pickle_load) and writes them
# back; check_torch_files.py loads those in python3-torch.
set(PARITY_INTEROP_DIR ${CMAKE_CURRENT_BINARY_DIR}/interop-torch-files)
set(PARITY_INTEROP_PY $<IF:$<BOOL:${PARITY_PYTHON_EXE}>,${PARITY_PYTHON_EXE},/usr/bin/python3>)

add_test(NAME interop_make_torch_files
         COMMAND ${PARITY_INTEROP_PY} ${CMAKE_CURRENT_LIST_DIR}/make_torch_files.py
                 ${PARITY_INTEROP_DIR})
set_tests_properties(interop_make_torch_files PROPERTIES LABELS interop SKIP_RETURN_CODE 77
                     FIXTURES_SETUP torch_files)

add_executable(interop_torch_files ${CMAKE_CURRENT_LIST_DIR}/torch_files_test.cpp)
target_link_libraries(interop_torch_files PRIVATE parity_conf_harness GTest::gtest_main)
if(PARITY_HAVE_TORCH)
  target_precompile_headers(interop_torch_files REUSE_FROM parity_conf_harness)
endif()
target_compile_definitions(interop_torch_files PRIVATE PARITY_INTEROP_DIR="${PARITY_INTEROP_DIR}")
add_test(NAME interop_torch_files COMMAND interop_torch_files)
set_tests_properties(interop_torch_files PROPERTIES LABELS interop FIXTURES_REQUIRED torch_files
                     FIXTURES_SETUP torch_files_written)

add_test(NAME interop_check_torch_files
         COMMAND ${PARITY_INTEROP_PY} ${CMAKE_CURRENT_LIST_DIR}/check_torch_files.py
                 ${PARITY_INTEROP_DIR})
set_tests_properties(interop_check_torch_files PROPERTIES LABELS interop SKIP_RETURN_CODE 77
                     FIXTURES_REQUIRED "torch_files;torch_files_written")
