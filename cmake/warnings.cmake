# Warnings for our own targets only (third-party headers stay quiet as SYSTEM includes).
function(sb_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wswitch-enum)
  # GCC 12 flags Asio's coroutine frames (allocated and freed by awaitable_frame's own operator
  # new/delete) as mismatched in some coroutines: a false positive, so that one check is off.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(${target} PRIVATE -Wno-mismatched-new-delete)
  endif()
  if(SB_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
