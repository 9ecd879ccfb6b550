# Warnings for our own targets only (third-party headers stay quiet as SYSTEM includes).
function(sb_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wswitch-enum)
  if(SB_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
