@echo off
rem Bootstrap of the Nuke-style build on Windows (the equivalent of build.sh): finds the .NET SDK, builds
rem build\_build.csproj (MSBuild skips the compile when nothing changed) and runs it with all arguments.
rem Never downloads anything: a missing SDK is reported with the version global.json asks for.
setlocal EnableExtensions

set "SCRIPT_DIR=%~dp0"
set "BUILD_PROJECT_FILE=%SCRIPT_DIR%build\_build.csproj"
set DOTNET_CLI_TELEMETRY_OPTOUT=1
set DOTNET_NOLOGO=1
set DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
set NUKE_TELEMETRY_OPTOUT=1

rem 'dotnet --version' honours global.json, so it fails when the pinned SDK is missing.
set "DOTNET_EXE="
for %%C in (dotnet.exe) do if not "%%~$PATH:C"=="" call :try "%%~$PATH:C"
if not defined DOTNET_EXE if defined DOTNET_ROOT call :try "%DOTNET_ROOT%\dotnet.exe"
if not defined DOTNET_EXE call :try "%USERPROFILE%\.dotnet\dotnet.exe"
if not defined DOTNET_EXE goto :nosdk

"%DOTNET_EXE%" build "%BUILD_PROJECT_FILE%" /nodeReuse:false /p:UseSharedCompilation=false -nologo -clp:NoSummary --verbosity quiet
if errorlevel 1 (
  echo error: building build\_build.csproj failed. 1>&2
  exit /b 1
)

set "BUILD_DLL="
for /f "delims=" %%D in ('dir /b /s /o:-d "%SCRIPT_DIR%build\bin\Debug\_build.dll"') do if not defined BUILD_DLL set "BUILD_DLL=%%D"
"%DOTNET_EXE%" "%BUILD_DLL%" %*
exit /b %ERRORLEVEL%

:try
if exist "%~1" "%~1" --version >nul 2>&1 && set "DOTNET_EXE=%~1"
exit /b 0

:nosdk
set "SDK_VERSION="
for /f "tokens=2 delims=:," %%V in ('findstr /c:"\"version\"" "%SCRIPT_DIR%global.json"') do if not defined SDK_VERSION set "SDK_VERSION=%%V"
set SDK_VERSION=%SDK_VERSION:"=%
set SDK_VERSION=%SDK_VERSION: =%
echo error: the .NET SDK %SDK_VERSION% (from global.json, roll forward to a later feature band allowed) was not found 1>&2
echo   on PATH, in %%DOTNET_ROOT%% or in %%USERPROFILE%%\.dotnet. Install it from https://dotnet.microsoft.com/download/dotnet 1>&2
echo   (or 'winget install Microsoft.DotNet.SDK.10'), then run this script again. It does not download the SDK. 1>&2
exit /b 1
