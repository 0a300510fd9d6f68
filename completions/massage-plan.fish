# fish completion for massage-plan. Installed as share/fish/vendor_completions.d/massage-plan.fish.
# Library ids come from `massage-plan list …` at completion time, so the user's own library and
# any --library / --no-builtin on the line count too.

# Library ids of the given kinds: the first column of `massage-plan [library options] list KIND`.
function __massage_plan_ids
    set -l tokens (commandline -opc)
    set -l cmd $tokens[1]
    set -l i 2
    while test $i -le (count $tokens)
        switch $tokens[$i]
            case --library
                set i (math $i + 1)
                test $i -le (count $tokens); and set -a cmd --library $tokens[$i]
            case '--library=*' --no-builtin
                set -a cmd $tokens[$i]
        end
        set i (math $i + 1)
    end
    for kind in $argv
        $cmd -q list $kind 2>/dev/null | string replace -r '\s.*' ''
    end
end

function __massage_plan_weekdays
    set -l token (commandline -ct)
    set -l head (string replace -r '[^,]*$' '' -- $token)
    for day in mon tue wed thu fri sat sun
        contains -- $day (string split , -- $head); or echo $head$day
    end
end

function __massage_plan_timezones
    set -l dir /usr/share/zoneinfo
    test -d $dir; or return 0
    find -L $dir \( -path $dir/posix -o -path $dir/right \) -prune -o -type f -name '[A-Z]*' \
        -print 2>/dev/null | string replace $dir/ ''
end

complete -c massage-plan -f

# Global options.
complete -c massage-plan -s h -l help -d 'Show help and exit'
complete -c massage-plan -n __fish_use_subcommand -l version -d 'Show the version and exit'
complete -c massage-plan -n __fish_use_subcommand -l library -r -F -d 'Add a library file or folder'
complete -c massage-plan -n __fish_use_subcommand -l no-builtin -d 'Do not load the built-in library'
complete -c massage-plan -n __fish_use_subcommand -l profile -r -F -d 'Profile YAML'
complete -c massage-plan -n __fish_use_subcommand -l history -r -F -d 'History database'
complete -c massage-plan -n __fish_use_subcommand -l color -x -a 'auto always never' -d 'Colour on a terminal'
complete -c massage-plan -n __fish_use_subcommand -s q -l quiet -d 'Print only data and errors'
complete -c massage-plan -n __fish_use_subcommand -s v -l verbose -d 'Say which library sources were read'

# Commands.
complete -c massage-plan -n __fish_use_subcommand -a plan -d 'Build a plan'
complete -c massage-plan -n __fish_use_subcommand -a list -d 'List techniques, routines, goals, conditions, equipment'
complete -c massage-plan -n __fish_use_subcommand -a show -d 'Show a technique or routine in full'
complete -c massage-plan -n __fish_use_subcommand -a validate -d 'Check library files'
complete -c massage-plan -n __fish_use_subcommand -a score -d "Recompute and check a plan's score"
complete -c massage-plan -n __fish_use_subcommand -a init -d 'Write a commented starter profile'
complete -c massage-plan -n __fish_use_subcommand -a done -d 'Record a session (or techniques) done'
complete -c massage-plan -n __fish_use_subcommand -a skip -d 'Record a session (or techniques) skipped'
complete -c massage-plan -n __fish_use_subcommand -a check-in -d 'Record symptom ratings 0-10'
complete -c massage-plan -n __fish_use_subcommand -a history -d 'List every history entry'
complete -c massage-plan -n __fish_use_subcommand -a report -d 'Adherence, streak, symptoms, goals'
complete -c massage-plan -n __fish_use_subcommand -a undo -d 'Remove the last history entry'
complete -c massage-plan -n __fish_use_subcommand -a pause -d 'Days off, neither planned nor missed'
complete -c massage-plan -n __fish_use_subcommand -a start -d 'A guided session with timers'
complete -c massage-plan -n __fish_use_subcommand -a agenda -d 'The saved plan, each session done, skipped, paused or open'
complete -c massage-plan -n __fish_use_subcommand -a today -d "Today's sessions of the saved plan and their state"
complete -c massage-plan -n __fish_use_subcommand -a next -d 'The next open session of the saved plan, on one line'

# plan
set -l plan '__fish_seen_subcommand_from plan'
complete -c massage-plan -n $plan -l goal -x -a '(__massage_plan_ids goals)' -d 'A goal, ID[:PRIORITY]'
complete -c massage-plan -n $plan -l minutes -x -d 'One session of N minutes a day'
complete -c massage-plan -n $plan -l time -x -d 'Start of the --minutes session (HH:MM)'
complete -c massage-plan -n $plan -l session -x -d 'A daily session HH:MM=N'
complete -c massage-plan -n $plan -l weekdays -x -a '(__massage_plan_weekdays)' -d 'Self-care days'
complete -c massage-plan -n $plan -l start -x -a 'today tomorrow' -d 'First day (YYYY-MM-DD)'
complete -c massage-plan -n $plan -l days -x -d 'Plan N days'
complete -c massage-plan -n $plan -l weeks -x -d 'Plan W weeks'
complete -c massage-plan -n $plan -l condition -x -a '(__massage_plan_ids conditions)' -d 'A health condition'
complete -c massage-plan -n $plan -l equipment -x -a '(__massage_plan_ids equipment)' -d 'Equipment you have'
complete -c massage-plan -n $plan -l pro -x -d 'Professional sessions a week'
complete -c massage-plan -n $plan -l pro-minutes -x -d 'Length of a professional session'
complete -c massage-plan -n $plan -l pro-weekdays -x -a '(__massage_plan_weekdays)' -d 'Days for professional sessions'
complete -c massage-plan -n $plan -l pro-time -x -d 'Start of a professional session (HH:MM)'
complete -c massage-plan -n $plan -l pro-technique -x -a '(__massage_plan_ids techniques)' -d "Your therapist's style (repeatable)"
complete -c massage-plan -n $plan -l prefer -x -a '(__massage_plan_ids techniques)' -d 'Plan this technique at least once a week'
complete -c massage-plan -n $plan -l avoid -x -a '(__massage_plan_ids techniques)' -d 'Never plan this technique'
complete -c massage-plan -n $plan -l routine -x -a '(__massage_plan_ids routines)' -d 'A plan of this routine only'
complete -c massage-plan -n $plan -l seed -x -d 'Seed for tie-breaking'
complete -c massage-plan -n $plan -l explain -d 'Say why each item was chosen'
complete -c massage-plan -n $plan -l format -x -a 'text markdown json csv ics html' -d 'Output format'
complete -c massage-plan -n $plan -s o -l output -r -F -d 'Write to FILE atomically'
complete -c massage-plan -n $plan -l remind -x -d 'ics reminder, minutes before'
complete -c massage-plan -n $plan -l timezone -x -a '(__massage_plan_timezones)' -d 'IANA time zone'
complete -c massage-plan -n $plan -l variety -x -d 'Share of a goal one technique may carry (0 < S <= 1)'
complete -c massage-plan -n $plan -l save -d 'Store as the current plan in the history'
complete -c massage-plan -n $plan -l adapt -d 'Learn from the history'

# list
set -l list '__fish_seen_subcommand_from list'
complete -c massage-plan -n "$list; and not __fish_seen_subcommand_from techniques routines goals conditions equipment" -a 'techniques routines goals conditions equipment'
complete -c massage-plan -n $list -l goal -x -a '(__massage_plan_ids goals)' -d 'Only entries serving this goal'
complete -c massage-plan -n $list -l region -x -a 'neck upper-back mid-back lower-back sacrum shoulders head' -d 'Only entries working this region'
complete -c massage-plan -n $list -l equipment -x -a '(__massage_plan_ids equipment)' -d 'Only what needs no other equipment'
complete -c massage-plan -n $list -l kind -x -a 'self-massage stretch mobility strength breathing mindfulness professional' -d 'Only techniques of this kind'
complete -c massage-plan -n $list -l condition -x -a '(__massage_plan_ids conditions)' -d 'Only what stays safe with this condition'
complete -c massage-plan -n $list -l format -x -a 'text json' -d 'Output format'

# show
set -l show '__fish_seen_subcommand_from show'
complete -c massage-plan -n $show -a '(__massage_plan_ids techniques routines goals conditions equipment)'
complete -c massage-plan -n $show -l format -x -a 'text json svg html' -d 'Output format'

# validate, score: files
complete -c massage-plan -n '__fish_seen_subcommand_from validate score' -F

# init
set -l init '__fish_seen_subcommand_from init'
complete -c massage-plan -n $init -s o -l output -r -F -d 'Where to write the profile'
complete -c massage-plan -n $init -l force -d 'Replace an existing file'

# done, skip
set -l mark '__fish_seen_subcommand_from done skip'
complete -c massage-plan -n $mark -a 'today yesterday' -d 'WHEN: a day or YYYY-MM-DDTHH:MM'
complete -c massage-plan -n $mark -l technique -x -a '(__massage_plan_ids techniques)' -d 'A technique done or skipped'
complete -c massage-plan -n '__fish_seen_subcommand_from done' -l minutes -x -d 'Minutes done'
complete -c massage-plan -n '__fish_seen_subcommand_from done' -l rating -x -a '1 2 3 4 5' -d 'How helpful, 1-5'
complete -c massage-plan -n '__fish_seen_subcommand_from done' -l note -x -d 'A note'
complete -c massage-plan -n '__fish_seen_subcommand_from skip' -l reason -x -d 'Why it was skipped'

# pause
set -l pause '__fish_seen_subcommand_from pause'
complete -c massage-plan -n $pause -l from -x -a 'today yesterday' -d 'First day off'
complete -c massage-plan -n $pause -l to -x -a 'today yesterday' -d 'Last day off'
complete -c massage-plan -n $pause -l reason -x -d 'Why'

# start
set -l start '__fish_seen_subcommand_from start'
complete -c massage-plan -n $start -a 'today' -d 'WHEN: a day or YYYY-MM-DDTHH:MM'
complete -c massage-plan -n $start -l technique -x -a '(__massage_plan_ids techniques)' -d 'Guide this technique, ID[:MIN]'
complete -c massage-plan -n $start -l routine -x -a '(__massage_plan_ids routines)' -d 'Guide this routine'
complete -c massage-plan -n $start -l condition -x -a '(__massage_plan_ids conditions)' -d 'A health condition'
complete -c massage-plan -n $start -l dry-run -d 'Print the whole timeline at once'
complete -c massage-plan -n $start -l format -x -a 'text json' -d 'Output format'
complete -c massage-plan -n $start -l ready -x -d 'Seconds of get-ready countdown'
complete -c massage-plan -n $start -l no-bell -d 'No bell at each change of step'
complete -c massage-plan -n $start -l speak -d 'Say each step aloud (needs espeak-ng)'
complete -c massage-plan -n $start -l no-log -d 'Record nothing in the history'

# check-in
set -l checkin '__fish_seen_subcommand_from check-in'
complete -c massage-plan -n $checkin -l date -x -a 'today yesterday' -d 'The day (YYYY-MM-DD)'
complete -c massage-plan -n $checkin -l pain -x -a '0 1 2 3 4 5 6 7 8 9 10' -d 'Pain, 0-10'
complete -c massage-plan -n $checkin -l headache -x -a '0 1 2 3 4 5 6 7 8 9 10' -d 'Headache, 0-10'
complete -c massage-plan -n $checkin -l stress -x -a '0 1 2 3 4 5 6 7 8 9 10' -d 'Stress, 0-10'
complete -c massage-plan -n $checkin -l note -x -d 'A note for the day'

# history, report
set -l hist '__fish_seen_subcommand_from history report'
complete -c massage-plan -n $hist -l from -x -a 'today yesterday' -d 'First day (YYYY-MM-DD)'
complete -c massage-plan -n $hist -l to -x -a 'today yesterday' -d 'Last day (YYYY-MM-DD)'
complete -c massage-plan -n $hist -s o -l output -r -F -d 'Write to FILE atomically'
complete -c massage-plan -n '__fish_seen_subcommand_from history' -l format -x -a 'text json csv' -d 'Output format'
complete -c massage-plan -n '__fish_seen_subcommand_from report' -l format -x -a 'text json markdown html' -d 'Output format'
complete -c massage-plan -n '__fish_seen_subcommand_from report' -l weeks -x -d 'ISO weeks to cover'

# agenda
set -l agenda '__fish_seen_subcommand_from agenda'
complete -c massage-plan -n $agenda -l from -x -a 'today tomorrow mon tue wed thu fri sat sun' -d 'First day'
complete -c massage-plan -n $agenda -l days -x -d 'Days to show'
complete -c massage-plan -n $agenda -l weeks -x -d 'Weeks to show'
complete -c massage-plan -n $agenda -l format -x -a 'text markdown json csv ics html' -d 'Output format'
complete -c massage-plan -n $agenda -s o -l output -r -F -d 'Write to FILE atomically'
complete -c massage-plan -n $agenda -l remind -x -d 'ics: reminder minutes before'
complete -c massage-plan -n $agenda -l timezone -x -d 'IANA time zone for ics times'

# today, next
set -l today_next '__fish_seen_subcommand_from today next'
complete -c massage-plan -n $today_next -l format -x -a 'text json' -d 'Output format'
