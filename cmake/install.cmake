# Install layout (GNUInstallDirs): the program, its man page, shell completions where each shell
# looks for vendor completions, the built-in library as reference YAML, and the user docs.
# The built-in library is compiled into the binary, so none of the data files are needed to run.

install(TARGETS massage-plan RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

install(FILES "${PROJECT_SOURCE_DIR}/docs/massage-plan.1"
        DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")

# bash-completion loads completions/<command> on demand; Debian's zsh puts vendor-completions on
# $fpath; fish reads vendor_completions.d.
install(FILES "${PROJECT_SOURCE_DIR}/completions/massage-plan.bash"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/bash-completion/completions"
        RENAME massage-plan)
install(FILES "${PROJECT_SOURCE_DIR}/completions/_massage-plan"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions")
install(FILES "${PROJECT_SOURCE_DIR}/completions/massage-plan.fish"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d")

# The built-in library, for reading and copying into ~/.config/massage-plan/routines/.
install(FILES ${MP_BUILTIN_YAML} DESTINATION "${CMAKE_INSTALL_DATADIR}/massage-plan/routines")

# The user guide and references (whatever of docs/ exists at configure time).
file(GLOB MP_INSTALL_DOCS CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/docs/*.md"
     "${PROJECT_SOURCE_DIR}/docs/*.json" "${PROJECT_SOURCE_DIR}/docs/*.png")
list(SORT MP_INSTALL_DOCS)
install(FILES ${MP_INSTALL_DOCS} DESTINATION "${CMAKE_INSTALL_DOCDIR}")
