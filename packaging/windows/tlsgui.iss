; tlsgui Windows installer: Inno Setup 6 script over the PyInstaller one-folder build in dist\tlsgui\.
; NOT built or tested in this repository (no Windows here); see packaging/README.md for the recipe.
; Build, from the repository root on Windows after `pyinstaller --noconfirm packaging\tlsgui.spec`:
;   iscc /DAppVersion=0.1.0 packaging\windows\tlsgui.iss      -> dist\tlsgui-0.1.0-setup.exe
; Paths below are relative to this script's folder.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z packaging\windows\tlsgui.iss (it is tlsgui.__version__)
#endif

[Setup]
; AppId identifies the product for upgrades and uninstall: never change it.
AppId={{051E08AF-ADB2-4AA3-B697-ADE131B854FC}
AppName=tlsgui
AppVersion={#AppVersion}
AppVerName=tlsgui {#AppVersion}
AppPublisher=tlsgui developers
AppComments=Set up TLS for the web, application and SQL servers of a 4D project
DefaultDirName={autopf}\tlsgui
DefaultGroupName=tlsgui
DisableProgramGroupPage=yes
; Per-user install without admin rights is allowed; the dialog offers "install for all users".
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=tlsgui-{#AppVersion}-setup
SetupIconFile=..\icons\tlsgui.ico
UninstallDisplayIcon={app}\tlsgui.exe
UninstallDisplayName=tlsgui {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Sign the installer and the uninstaller when a certificate is configured (SignTool=... in the IDE or
; iscc /Ssigntool=...); unsigned, SmartScreen warns the user on first run.

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; tlsgui.exe (windowed) and tlsgui-cli.exe (console, for scripts) share the _internal folder.
Source: "..\..\dist\tlsgui\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\tlsgui"; Filename: "{app}\tlsgui.exe"; Comment: "Set up TLS for 4D projects"
Name: "{autodesktop}\tlsgui"; Filename: "{app}\tlsgui.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\tlsgui.exe"; Description: "{cm:LaunchProgram,tlsgui}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; PyInstaller leaves nothing else behind; the user's 4D projects (and their .tlsgui\ backups) are never touched.
Type: dirifempty; Name: "{app}"
