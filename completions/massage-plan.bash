# bash completion for massage-plan                                    -*- shell-script -*-
# Installed as share/bash-completion/completions/massage-plan (loaded on demand by
# bash-completion), or source it from ~/.bashrc. Library ids (goals, conditions, equipment,
# routines, techniques) come from `massage-plan list …` at completion time, so the user's own
# library and any --library / --no-builtin on the line count too.

# Prints the first column of `massage-plan [library options] list KIND`.
_massage_plan_ids() {
  local kind
  for kind in "$@"; do
    "${_massage_plan_cmd[@]}" -q list "$kind" 2>/dev/null | while read -r id _; do
      printf '%s\n' "$id"
    done
  done
}

# Completes a comma-separated list of weekdays: the days not yet named, after the last comma.
_massage_plan_weekdays() {
  local cur=$1 head="" day
  [[ $cur == *,* ]] && head=${cur%,*},
  for day in mon tue wed thu fri sat sun; do
    [[ ,$head == *,$day,* ]] && continue
    [[ $head$day == "$cur"* ]] && COMPREPLY+=("$head$day")
  done
  compopt -o nospace 2>/dev/null
}

_massage_plan_timezones() {
  local dir=/usr/share/zoneinfo
  [[ -d $dir ]] || return 0
  find -L "$dir" \( -path "$dir/posix" -o -path "$dir/right" \) -prune -o \
    -type f -name '[A-Z]*' -print 2>/dev/null | sed "s|^$dir/||"
}

_massage_plan() {
  local cur prev words cword
  words=("${COMP_WORDS[@]}")
  cword=$COMP_CWORD
  cur=${words[cword]}
  prev=""
  ((cword > 0)) && prev=${words[cword - 1]}
  # COMP_WORDBREAKS splits --goal=ID into "--goal" "=" "ID".
  if [[ $cur == "=" ]]; then
    cur=""
  elif [[ $prev == "=" ]] && ((cword > 1)); then
    prev=${words[cword - 2]}
  fi
  COMPREPLY=()

  local globals="--library --no-builtin --profile --history --color -q --quiet -v --verbose
    --version -h --help"
  local commands="plan list show validate score init done skip check-in history report undo pause
    start agenda today next"

  # Find the command, and the library options to pass on when asking for ids.
  local -a libopts=() _massage_plan_cmd=()
  local command="" i w
  _massage_plan_cmd=("${words[0]/#\~/$HOME}")
  for ((i = 1; i < cword; i++)); do
    w=${words[i]}
    case $w in
      --history) [[ ${words[i + 1]} == "=" ]] && ((i++)); ((i++)) ;;
      --library | --profile)
        [[ ${words[i + 1]} == "=" ]] && ((i++))
        ((i + 1 < cword)) && libopts+=("$w" "${words[i + 1]/#\~/$HOME}")
        ((i++))
        ;;
      --color) [[ ${words[i + 1]} == "=" ]] && ((i++)); ((i++)) ;;
      --no-builtin) libopts+=("$w") ;;
      -*) ;;
      *)
        if [[ -z $command ]]; then
          command=$w
          break
        fi
        ;;
    esac
  done
  _massage_plan_cmd+=("${libopts[@]}")

  # Values of options that take one.
  case $prev in
    --library | --profile | --history | -o | --output)
      COMPREPLY=($(compgen -f -- "$cur"))
      compopt -o filenames 2>/dev/null
      return 0
      ;;
    --color)
      COMPREPLY=($(compgen -W "auto always never" -- "$cur"))
      return 0
      ;;
  esac
  if [[ -z $command ]]; then
    if [[ $cur == -* ]]; then
      COMPREPLY=($(compgen -W "$globals" -- "$cur"))
    else
      COMPREPLY=($(compgen -W "$commands" -- "$cur"))
    fi
    return 0
  fi

  local IFS=$' \t\n'
  case $command in
    plan)
      case $prev in
        --goal) COMPREPLY=($(compgen -W "$(_massage_plan_ids goals)" -- "$cur")); return 0 ;;
        --condition) COMPREPLY=($(compgen -W "$(_massage_plan_ids conditions)" -- "$cur")); return 0 ;;
        --equipment) COMPREPLY=($(compgen -W "$(_massage_plan_ids equipment)" -- "$cur")); return 0 ;;
        --routine) COMPREPLY=($(compgen -W "$(_massage_plan_ids routines)" -- "$cur")); return 0 ;;
        --prefer | --avoid | --pro-technique)
          COMPREPLY=($(compgen -W "$(_massage_plan_ids techniques)" -- "$cur")); return 0 ;;
        --format) COMPREPLY=($(compgen -W "text markdown json csv ics html" -- "$cur")); return 0 ;;
        --start) COMPREPLY=($(compgen -W "today tomorrow" -- "$cur")); return 0 ;;
        --weekdays | --pro-weekdays) _massage_plan_weekdays "$cur"; return 0 ;;
        --timezone) COMPREPLY=($(compgen -W "$(_massage_plan_timezones)" -- "$cur")); return 0 ;;
        --minutes | --time | --session | --days | --weeks | --pro | --pro-minutes | --pro-time | \
          --seed | --remind | --variety)
          return 0
          ;;
      esac
      COMPREPLY=($(compgen -W "--goal --minutes --time --session --weekdays --start --days
        --weeks --condition --equipment --pro --pro-minutes --pro-weekdays --pro-time --routine
        --pro-technique --prefer --avoid
        --seed --explain --format -o --output --remind --timezone --variety --save --adapt -h --help" \
        -- "$cur"))
      ;;
    done | skip)
      case $prev in
        --technique) COMPREPLY=($(compgen -W "$(_massage_plan_ids techniques)" -- "$cur")); return 0 ;;
        --rating) COMPREPLY=($(compgen -W "1 2 3 4 5" -- "$cur")); return 0 ;;
        --minutes | --note | --reason) return 0 ;;
      esac
      if [[ $cur == -* ]]; then
        if [[ $command == done ]]; then
          COMPREPLY=($(compgen -W "--technique --minutes --rating --note -h --help" -- "$cur"))
        else
          COMPREPLY=($(compgen -W "--technique --reason -h --help" -- "$cur"))
        fi
      else
        COMPREPLY=($(compgen -W "today yesterday" -- "$cur"))
      fi
      ;;
    check-in)
      case $prev in
        --date) COMPREPLY=($(compgen -W "today yesterday" -- "$cur")); return 0 ;;
        --pain | --headache | --stress)
          COMPREPLY=($(compgen -W "0 1 2 3 4 5 6 7 8 9 10" -- "$cur"))
          return 0
          ;;
        --note) return 0 ;;
      esac
      COMPREPLY=($(compgen -W "--date --pain --headache --stress --note -h --help" -- "$cur"))
      ;;
    history | report)
      case $prev in
        --from | --to) COMPREPLY=($(compgen -W "today yesterday" -- "$cur")); return 0 ;;
        --weeks) return 0 ;;
        --format)
          if [[ $command == history ]]; then
            COMPREPLY=($(compgen -W "text json csv" -- "$cur"))
          else
            COMPREPLY=($(compgen -W "text json markdown html" -- "$cur"))
          fi
          return 0
          ;;
      esac
      if [[ $command == history ]]; then
        COMPREPLY=($(compgen -W "--from --to --format -o --output -h --help" -- "$cur"))
      else
        COMPREPLY=($(compgen -W "--from --to --weeks --format -o --output -h --help" -- "$cur"))
      fi
      ;;
    undo)
      COMPREPLY=($(compgen -W "-h --help" -- "$cur"))
      ;;
    pause)
      case $prev in
        --from | --to) COMPREPLY=($(compgen -W "today yesterday" -- "$cur")); return 0 ;;
        --reason) return 0 ;;
      esac
      COMPREPLY=($(compgen -W "--from --to --reason -h --help" -- "$cur"))
      ;;
    start)
      case $prev in
        --technique) COMPREPLY=($(compgen -W "$(_massage_plan_ids techniques)" -- "$cur")); return 0 ;;
        --routine) COMPREPLY=($(compgen -W "$(_massage_plan_ids routines)" -- "$cur")); return 0 ;;
        --condition) COMPREPLY=($(compgen -W "$(_massage_plan_ids conditions)" -- "$cur")); return 0 ;;
        --format) COMPREPLY=($(compgen -W "text json" -- "$cur")); return 0 ;;
        --ready) return 0 ;;
      esac
      if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "--technique --routine --condition --dry-run --format --ready --no-bell
          --speak --no-log -h
          --help" -- "$cur"))
      else
        COMPREPLY=($(compgen -W "today yesterday" -- "$cur"))
      fi
      ;;
    agenda)
      case $prev in
        --from)
          COMPREPLY=($(compgen -W "today tomorrow mon tue wed thu fri sat sun" -- "$cur"))
          return 0
          ;;
        --days | --weeks | --remind | --timezone) return 0 ;;
        --format) COMPREPLY=($(compgen -W "text markdown json csv ics html" -- "$cur")); return 0 ;;
        -o | --output) COMPREPLY=($(compgen -f -- "$cur")); return 0 ;;
      esac
      COMPREPLY=($(compgen -W "--from --days --weeks --format -o --output --remind --timezone -h
        --help" -- "$cur"))
      ;;
    today | next)
      case $prev in
        --format) COMPREPLY=($(compgen -W "text json" -- "$cur")); return 0 ;;
      esac
      COMPREPLY=($(compgen -W "--format -h --help" -- "$cur"))
      ;;
    list)
      case $prev in
        --goal) COMPREPLY=($(compgen -W "$(_massage_plan_ids goals)" -- "$cur")); return 0 ;;
        --condition) COMPREPLY=($(compgen -W "$(_massage_plan_ids conditions)" -- "$cur")); return 0 ;;
        --equipment) COMPREPLY=($(compgen -W "$(_massage_plan_ids equipment)" -- "$cur")); return 0 ;;
        --region)
          COMPREPLY=($(compgen -W "neck upper-back mid-back lower-back sacrum shoulders head" \
            -- "$cur"))
          return 0
          ;;
        --kind)
          COMPREPLY=($(compgen -W "self-massage stretch mobility strength breathing mindfulness
            professional" -- "$cur"))
          return 0
          ;;
        --format) COMPREPLY=($(compgen -W "text json" -- "$cur")); return 0 ;;
      esac
      if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "--goal --region --kind --condition --equipment --format -h --help" -- "$cur"))
      else
        COMPREPLY=($(compgen -W "techniques routines goals conditions equipment" -- "$cur"))
      fi
      ;;
    show)
      [[ $prev == --format ]] && { COMPREPLY=($(compgen -W "text json svg html" -- "$cur")); return 0; }
      if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "--format -h --help" -- "$cur"))
      else
        COMPREPLY=($(compgen -W "$(_massage_plan_ids techniques routines goals conditions \
          equipment)" -- "$cur"))
      fi
      ;;
    validate | score)
      if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "-h --help" -- "$cur"))
      else
        COMPREPLY=($(compgen -f -- "$cur"))
        compopt -o filenames 2>/dev/null
      fi
      ;;
    init)
      COMPREPLY=($(compgen -W "-o --output --force -h --help" -- "$cur"))
      ;;
  esac
  return 0
}

complete -F _massage_plan massage-plan
