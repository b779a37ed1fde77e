#!/usr/bin/env bash
# Bootstrap of the Nuke-style build: finds the .NET SDK, builds build/_build.csproj when its inputs changed, and
# runs it with all arguments (./build.sh --help, ./build.sh Compile Test, ...). Never downloads anything: the build
# hosts are offline, so a missing SDK is reported with the version global.json asks for.
set -eo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BUILD_PROJECT_FILE="$SCRIPT_DIR/build/_build.csproj"
BUILD_OUTPUT_DIR="$SCRIPT_DIR/build/bin/Debug"
BUILD_STAMP="$SCRIPT_DIR/build/bin/build.stamp"
# The dotnet that passed the SDK check at the last compile; a warm start reuses it instead of the first on PATH.
DOTNET_CHOICE="$SCRIPT_DIR/build/bin/dotnet.path"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export NUKE_TELEMETRY_OPTOUT=1

###########################################################################
# FIND DOTNET
###########################################################################

candidates=()
if command -v dotnet > /dev/null 2>&1; then candidates+=("$(command -v dotnet)"); fi
if [[ -n "$DOTNET_ROOT" && -x "$DOTNET_ROOT/dotnet" ]]; then candidates+=("$DOTNET_ROOT/dotnet"); fi
if [[ -x "$HOME/.dotnet/dotnet" ]]; then candidates+=("$HOME/.dotnet/dotnet"); fi

sdk_version() {
  sed -n 's/.*"version"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$SCRIPT_DIR/global.json" | head -n 1
}

fail_without_sdk() {
  local version
  version=$(sdk_version)
  {
    echo "error: the .NET SDK ${version:-10.0} (from global.json, roll forward to a later feature band allowed) was not found."
    if [[ ${#candidates[@]} -eq 0 ]]; then
      echo "  No 'dotnet' on PATH, in \$DOTNET_ROOT or in ~/.dotnet."
    else
      for candidate in "${candidates[@]}"; do
        echo "  '$candidate' has these SDKs: $("$candidate" --list-sdks 2> /dev/null | cut -d' ' -f1 | tr '\n' ' ')"
      done
    fi
    echo "  Install it from https://dotnet.microsoft.com/download/dotnet (or your package manager, e.g."
    echo "  'apt-get install dotnet-sdk-10.0'), or set DOTNET_ROOT to its folder, then run this script again."
    echo "  This script does not download the SDK (build hosts are offline)."
  } >&2
  exit 1
}

# 'dotnet --version' honours global.json, so it fails when the pinned SDK is missing.
find_sdk() {
  for candidate in "${candidates[@]}"; do
    if SDK_VERSION=$("$candidate" --version 2> /dev/null); then
      # Absolute, because the choice is remembered and the script may next run from another directory.
      if [[ "$candidate" == /* ]]; then DOTNET_EXE="$candidate"; else DOTNET_EXE="$PWD/$candidate"; fi
      return
    fi
  done
  fail_without_sdk
}

###########################################################################
# BUILD ONLY WHEN AN INPUT CHANGED, THEN RUN
###########################################################################

build_dll() {
  ls -t "$BUILD_OUTPUT_DIR"/*/_build.dll 2> /dev/null | head -n 1
}

# Stale when never built, or when any input (sources, projects, props, global.json, .editorconfig) or any folder
# under build/ and src/ (a file added or deleted) is newer than the last successful build.
is_stale() {
  [[ ! -f "$BUILD_STAMP" || -z "$(build_dll)" ]] && return 0
  local newer
  newer=$(find "$SCRIPT_DIR/build" "$SCRIPT_DIR/src" \( -name bin -o -name obj \) -prune -o -newer "$BUILD_STAMP" -print -quit)
  [[ -n "$newer" ]] && return 0
  for file in "$SCRIPT_DIR"/Directory.*.props "$SCRIPT_DIR/global.json" "$SCRIPT_DIR/.editorconfig" "$SCRIPT_DIR"/[Nn]u[Gg]et.[Cc]onfig; do
    [[ -f "$file" && "$file" -nt "$BUILD_STAMP" ]] && return 0
  done
  return 1
}

# The remembered dotnet, when it still exists; checking it again would cost a 'dotnet --version' on every run.
remembered_dotnet() {
  local remembered
  [[ -f "$DOTNET_CHOICE" ]] && IFS= read -r remembered < "$DOTNET_CHOICE" && [[ -n "$remembered" && -x "$remembered" ]] \
    && echo "$remembered"
}

# Reads the compiler's output: keeps all of it in $BUILD_LOG, and says on stderr what is done (each project as it is
# compiled) and, when nothing happened for a while, that the compile is still going, so a cold start is never silent.
# Pure bash (read -t), so nothing is left running when the compile ends. A read that times out half-way through a
# line keeps what it read (bash hands it over); it is carried into the next read, so no line is ever cut or lost.
show_progress() {
  local line pending= status restored=
  : > "$BUILD_LOG"
  while true; do
    if IFS= read -r -t "${BUILD_PROGRESS_INTERVAL:-10}" line; then
      record_line "$pending$line"
      pending=
    else
      status=$?
      if (( status > 128 )); then
        pending+=$line
        echo "  still compiling (${SECONDS}s) ..." >&2
        continue
      fi
      # End of the output: a last line without a newline still counts.
      [[ -z "$pending$line" ]] || record_line "$pending$line"
      break
    fi
  done
}

record_line() {
  local name
  printf '%s\n' "$1" >> "$BUILD_LOG"
  case "$1" in
    *" -> "*)
      name=${1%% -> *}
      echo "  compiled ${name#"${name%%[![:space:]]*}"} (${SECONDS}s)" >&2 ;;
    *"Restored "*)
      [[ -n "$restored" ]] || echo "  restored packages (${SECONDS}s)" >&2
      restored=1 ;;
  esac
}

if is_stale; then
  find_sdk
  mkdir -p "$SCRIPT_DIR/build/bin"
  BUILD_LOG="$SCRIPT_DIR/build/bin/build.log"
  echo "Compiling build/_build.csproj with .NET SDK $SDK_VERSION (the first time takes a minute or two; later runs start at once) ..." >&2
  SECONDS=0
  if ! "$DOTNET_EXE" build "$BUILD_PROJECT_FILE" /nodeReuse:false /p:UseSharedCompilation=false -nologo -clp:NoSummary --verbosity minimal 2>&1 | show_progress; then
    # On failure the compiler's messages are all that matters.
    echo "$(< "$BUILD_LOG")" >&2
    echo "error: building build/_build.csproj failed (the whole output is in build/bin/build.log)." >&2
    exit 1
  fi
  echo "  done in ${SECONDS}s." >&2
  printf '%s\n' "$DOTNET_EXE" > "$DOTNET_CHOICE"
  touch "$BUILD_STAMP"
elif ! DOTNET_EXE=$(remembered_dotnet); then
  # Built by an older script, or the remembered dotnet was removed: choose again, by the same check as a compile.
  find_sdk
  printf '%s\n' "$DOTNET_EXE" > "$DOTNET_CHOICE"
fi

exec "$DOTNET_EXE" "$(build_dll)" "$@"
