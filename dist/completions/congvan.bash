# bash completion for congvan (installed as share/bash-completion/completions/congvan).
_congvan() {
  local cur prev cmd
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=${COMP_WORDS[COMP_CWORD-1]}
  cmd=${COMP_WORDS[1]}
  if [[ $COMP_CWORD -eq 1 ]]; then
    COMPREPLY=($(compgen -W "parse explain diff matrix --help --version" -- "$cur"))
    return
  fi
  case $prev in
    -f|--format)
      case $cmd in
        parse) COMPREPLY=($(compgen -W "json jsonl yaml ics" -- "$cur")) ;;
        diff) COMPREPLY=($(compgen -W "text json" -- "$cur")) ;;
        matrix) COMPREPLY=($(compgen -W "markdown csv json" -- "$cur")) ;;
      esac
      return ;;
    --encoding)
      COMPREPLY=($(compgen -W "utf-8 utf-16le utf-16be windows-1258 cp1258 tcvn3 vni" -- "$cur"))
      return ;;
    --input-format)
      COMPREPLY=($(compgen -W "text jsonl" -- "$cur"))
      return ;;
    --grammars)
      COMPREPLY=($(compgen -d -- "$cur"))
      return ;;
    -o|--output|--files-from)
      COMPREPLY=($(compgen -f -- "$cur"))
      return ;;
    --schema)
      COMPREPLY=($(compgen -W "1 2" -- "$cur"))
      return ;;
    -j|--jobs|--max-bytes|--glob|--cites)
      return ;;
  esac
  if [[ $cur == -* ]]; then
    case $cmd in
      parse) COMPREPLY=($(compgen -W "--format --output --force --jobs --glob --files-from --input-format
                                       --encoding --quiet --max-bytes --grammars --schema --help" -- "$cur")) ;;
      explain) COMPREPLY=($(compgen -W "--grammars --encoding --help" -- "$cur")) ;;
      diff) COMPREPLY=($(compgen -W "--format --color --grammars --schema --help" -- "$cur")) ;;
      matrix) COMPREPLY=($(compgen -W "--cites --format --grammars --schema --help" -- "$cur")) ;;
    esac
    return
  fi
  COMPREPLY=($(compgen -f -- "$cur"))
}
complete -o filenames -F _congvan congvan
