; Inno Setup 6 script: a per-user installer for the one-folder program PyInstaller built.
; Compiled by installer/build-windows.sh:
;   ISCC.exe /DAppVersion=X.Y.Z /DSourceDir=<PyInstaller dist\KeHoachCCHC> /DOutputDir=<dist> kehoach.iss
; No elevation: installs into %LOCALAPPDATA%\Programs\KeHoachCCHC, uninstall entry under HKCU.
; The data folder (%LOCALAPPDATA%\kehoach_desktop) belongs to the user and is never touched.

#ifndef AppVersion
  #error "AppVersion is not defined (/DAppVersion=...)"
#endif
#ifndef SourceDir
  #error "SourceDir is not defined (/DSourceDir=...)"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif

#define AppName "Kế hoạch CCHC"
#define AppExe "KeHoachCCHC.exe"

[Setup]
AppId={{6C0E5A43-2F7B-4D4B-9A61-6E3B0C1D9A10}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=kehoach_desktop
AppComments=Theo dõi, báo cáo thực hiện kế hoạch cải thiện chỉ số PAR INDEX, SIPAS, PAPI
VersionInfoVersion={#AppVersion}
PrivilegesRequired=lowest
; {localappdata}\Programs is what {userpf} means; wine 8 cannot expand {userpf}.
DefaultDirName={localappdata}\Programs\KeHoachCCHC
DisableDirPage=auto
DisableProgramGroupPage=yes
DefaultGroupName={#AppName}
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Windows 10 version 1809 (build 17763) or later.
MinVersion=10.0.17763
AppMutex=KeHoachCCHC-dang-chay
CloseApplications=yes
RestartApplications=no
SetupIconFile=kehoach.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
ShowLanguageDialog=no
OutputDir={#OutputDir}
OutputBaseFilename=kehoach-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
LZMANumBlockThreads=2

[Languages]
Name: "vi"; MessagesFile: "compiler:Default.isl,Vietnamese.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the program folder's libraries, never anything outside it.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "kehoach.ico"; DestDir: "{app}"; Flags: ignoreversion

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; IconFilename: "{app}\kehoach.ico"; Comment: "Theo dõi thực hiện kế hoạch CCHC"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; IconFilename: "{app}\kehoach.ico"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the program folder holds; the data folder is the user's.
Type: filesandordirs; Name: "{app}\_internal"

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent() then
    MsgBox('Dữ liệu của đơn vị vẫn còn nguyên trong thư mục:' + #13#10 +
      ExpandConstant('{localappdata}\kehoach_desktop') + #13#10#13#10 +
      'Cài lại chương trình thì dữ liệu được dùng tiếp. Muốn xóa hẳn dữ liệu, hãy tự xóa thư mục đó ' +
      '(nên giữ một bản sao lưu trước).', mbInformation, MB_OK);
end;
