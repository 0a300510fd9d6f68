#!/usr/bin/zsh -f
# Prints the completions zsh offers for a command line, one per line, by driving an interactive
# zsh in a pseudo-terminal (zpty) and wrapping compadd. Usage: zsh_complete.zsh FPATH_DIR LINE
# (after the approach of Valodim's zsh-capture-completion).
zmodload zsh/zpty || exit 2
zpty z zsh -f -i
zpty -w z "fpath=(${(q)1} \$fpath); autoload -U compinit; compinit -u -D"
zpty -w z "zstyle ':completion:*' list-grouped false; zstyle ':completion:*' insert-tab false"
zpty -w z 'compprefuncs=( ); comppostfuncs=( __done )'
# The markers are split in the source so the echoed input never matches them.
zpty -w z 'compadd () { if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "$@"; return $?; fi; typeset -a __hits; builtin compadd -A __hits "$@"; local ret=$?; (( $#__hits )) && print -l -- "<"hit">"${^__hits}; return $ret }'
zpty -w z '__done () { print "<"EOC">"; builtin compadd -Q "" }'
zpty -w z "bindkey '^I' complete-word; PROMPT=''"
zpty -n -w z "$2"$'\t'
local line
while zpty -r z line; do
  [[ $line == *'<EOC>'* ]] && break
  [[ $line == *'<hit>'* ]] && print -r -- "${${line##*<hit>}%%$'\r'}"
done
zpty -d z
