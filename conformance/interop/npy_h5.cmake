# numpy / h5py cross-check of the engines' interop (included from
# conformance/CMakeLists.txt): npy_h5_oracle.py writes numpy's and h5py's
# files into the build tree, runs interop_crosscheck over them and checks
# what the engines wrote back with numpy, h5py and torch.
add_executable(interop_crosscheck ${CMAKE_CURRENT_LIST_DIR}/crosscheck.cpp)
target_link_libraries(interop_crosscheck PRIVATE parity_ref parity_fast parity_warnings)
add_test(NAME interop_npy_h5
         COMMAND $<IF:$<BOOL:${PARITY_PYTHON_EXE}>,${PARITY_PYTHON_EXE},/usr/bin/python3>
                 ${CMAKE_CURRENT_LIST_DIR}/npy_h5_oracle.py $<TARGET_FILE:interop_crosscheck>
                 ${CMAKE_CURRENT_BINARY_DIR}/interop-work)
set_tests_properties(interop_npy_h5 PROPERTIES LABELS interop)
