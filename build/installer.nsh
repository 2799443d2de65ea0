; Registers the sign-in callback scheme cz.netrex.connect: for the installed
; app (electron-builder's NSIS target does not handle `protocols`). SHELL_CONTEXT
; is HKCU for a per-user install and HKLM for a per-machine one
; (electron-builder.machine.yml: multiUser.nsh's setInstallModePerAllUsers runs
; SetShellVarContext all), so the keys land under Software\Classes of the
; right hive: machine-wide, for every user, when IT installs per machine.
; The scheme must equal APP_SCHEME in main/auth/redirect-uri.ts (test/unit/electron/packaging.test.ts).

!macro customInstall
  DeleteRegKey SHELL_CONTEXT "Software\Classes\cz.netrex.connect"
  WriteRegStr SHELL_CONTEXT "Software\Classes\cz.netrex.connect" "" "URL:Netrex Connect sign-in"
  WriteRegStr SHELL_CONTEXT "Software\Classes\cz.netrex.connect" "URL Protocol" ""
  WriteRegStr SHELL_CONTEXT "Software\Classes\cz.netrex.connect\DefaultIcon" "" "$INSTDIR\${APP_EXECUTABLE_FILENAME},0"
  WriteRegStr SHELL_CONTEXT "Software\Classes\cz.netrex.connect\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"'
!macroend

!macro customUnInstall
  DeleteRegKey SHELL_CONTEXT "Software\Classes\cz.netrex.connect"
!macroend
