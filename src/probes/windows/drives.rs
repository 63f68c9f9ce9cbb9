//! backup-freshness on Windows: where the backup folder is, and whether it stays connected.
//! A network share (`\\nas\backup`), a mapped network drive or a USB disk that is always
//! connected is reachable by ransomware running with the user's rights, like a backup on the
//! system drive. The decision is platform-free ([`placement`]); asking Windows for the drive
//! type (`GetDriveTypeW`) and the disk's bus (`IOCTL_STORAGE_QUERY_PROPERTY`) are the only
//! parts that compile on Windows alone (`drive_kind`, `on_usb_bus`).

use super::WinMsg;
use serde::Serialize;

/// Where a path lives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum DriveRoot {
    /// A drive letter, upper case (`C`).
    Letter { letter: char },
    /// A UNC share: `\\server\share`.
    Unc { server: String, share: String },
}

impl DriveRoot {
    /// `C:\` or `\\server\share\`, as Windows wants a root.
    pub fn root_path(&self) -> String {
        match self {
            DriveRoot::Letter { letter } => format!("{letter}:\\"),
            DriveRoot::Unc { server, share } => format!("\\\\{server}\\{share}\\"),
        }
    }
}

/// The root of a Windows path: `D:\backup`, `\\nas\backup\daily`, and the extended forms
/// `\\?\D:\backup` and `\\?\UNC\nas\backup` (what canonicalising gives). Slashes count as
/// backslashes. None for relative or Unix paths.
pub fn drive_root(path: &str) -> Option<DriveRoot> {
    let p = path.replace('/', "\\");
    let p = p.strip_prefix("\\\\?\\").map_or(p.clone(), |rest| {
        rest.strip_prefix("UNC\\")
            .map_or(rest.to_owned(), |unc| format!("\\\\{unc}"))
    });
    if let Some(rest) = p.strip_prefix("\\\\") {
        let mut parts = rest.split('\\').filter(|s| !s.is_empty());
        let (server, share) = (parts.next()?, parts.next()?);
        return Some(DriveRoot::Unc {
            server: server.to_owned(),
            share: share.to_owned(),
        });
    }
    let mut chars = p.chars();
    match (chars.next(), chars.next()) {
        (Some(letter), Some(':')) if letter.is_ascii_alphabetic() => Some(DriveRoot::Letter {
            letter: letter.to_ascii_uppercase(),
        }),
        _ => None,
    }
}

/// What Windows says a drive is (`GetDriveTypeW`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DriveKind {
    Unknown,
    NoRootDir,
    /// USB sticks, SD cards; many USB hard disks say `fixed`.
    Removable,
    Fixed,
    /// A network drive (mapped letter or share).
    Remote,
    CdRom,
    RamDisk,
}

impl DriveKind {
    /// From `GetDriveTypeW`'s number.
    pub fn from_code(code: u32) -> Self {
        match code {
            1 => DriveKind::NoRootDir,
            2 => DriveKind::Removable,
            3 => DriveKind::Fixed,
            4 => DriveKind::Remote,
            5 => DriveKind::CdRom,
            6 => DriveKind::RamDisk,
            _ => DriveKind::Unknown,
        }
    }
}

/// What the evidence records about the backup's drive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WindowsPlacement {
    pub root: DriveRoot,
    pub drive_type: DriveKind,
    /// Whether the drive's disk is attached by USB, when Windows says (a drive letter only).
    pub usb: Option<bool>,
    /// The system drive (`%SystemDrive%`), when known.
    pub system_drive: Option<char>,
}

/// Decide what to warn about a backup at `path`; `kind` is what Windows says of its root,
/// `usb` whether its disk is attached by USB (None: not known), `system_drive` the letter of
/// `%SystemDrive%`. Platform-free, so it is tested everywhere.
pub fn placement(
    path: &str,
    kind: DriveKind,
    usb: Option<bool>,
    system_drive: Option<char>,
) -> Option<(WindowsPlacement, Vec<WinMsg>)> {
    let root = drive_root(path)?;
    let mut warnings = Vec::new();
    match (&root, kind) {
        (DriveRoot::Unc { .. }, _) => warnings.push(WinMsg::BackupOnNetworkShare {
            path: root.root_path(),
        }),
        (DriveRoot::Letter { .. }, DriveKind::Remote) => {
            warnings.push(WinMsg::BackupOnMappedDrive {
                drive: root.root_path(),
            })
        }
        (DriveRoot::Letter { .. }, DriveKind::Removable) => {
            warnings.push(WinMsg::BackupOnRemovableDrive {
                drive: root.root_path(),
            })
        }
        // Most USB hard disks say "fixed"; the bus tells them from an internal disk.
        (DriveRoot::Letter { .. }, DriveKind::Fixed) if usb == Some(true) => {
            warnings.push(WinMsg::BackupOnUsbDisk {
                drive: root.root_path(),
            })
        }
        (DriveRoot::Letter { letter }, DriveKind::Fixed)
            if system_drive.is_some_and(|s| s.eq_ignore_ascii_case(letter)) =>
        {
            warnings.push(WinMsg::BackupOnSystemDrive {
                drive: root.root_path(),
            })
        }
        _ => {}
    }
    Some((
        WindowsPlacement {
            root,
            drive_type: kind,
            usb,
            system_drive,
        },
        warnings,
    ))
}

/// The letter of `%SystemDrive%` (`C:`).
pub fn system_drive(value: Option<&str>) -> Option<char> {
    match drive_root(value?.trim())? {
        DriveRoot::Letter { letter } => Some(letter),
        DriveRoot::Unc { .. } => None,
    }
}

/// Ask Windows what the drive of `root` is.
#[cfg(windows)]
pub fn drive_kind(root: &DriveRoot) -> DriveKind {
    use windows_sys::Win32::Storage::FileSystem::GetDriveTypeW;
    let wide: Vec<u16> = root
        .root_path()
        .encode_utf16()
        .chain(std::iter::once(0))
        .collect();
    // SAFETY: `wide` is a NUL-terminated UTF-16 string that outlives the call, which only
    // reads it.
    let code = unsafe { GetDriveTypeW(wide.as_ptr()) };
    DriveKind::from_code(code)
}

/// Ask Windows whether the disk under a drive letter is attached by USB (the bus type of
/// `IOCTL_STORAGE_QUERY_PROPERTY`, which needs no administrator rights). None for a share, or
/// when Windows does not say (no access to the volume).
#[cfg(windows)]
pub fn on_usb_bus(root: &DriveRoot) -> Option<bool> {
    use windows_sys::Win32::Foundation::{CloseHandle, INVALID_HANDLE_VALUE};
    use windows_sys::Win32::Storage::FileSystem::{
        BusTypeUsb, CreateFileW, FILE_SHARE_READ, FILE_SHARE_WRITE, OPEN_EXISTING,
    };
    use windows_sys::Win32::System::Ioctl::{
        PropertyStandardQuery, StorageDeviceProperty, IOCTL_STORAGE_QUERY_PROPERTY,
        STORAGE_DEVICE_DESCRIPTOR, STORAGE_PROPERTY_QUERY,
    };
    use windows_sys::Win32::System::IO::DeviceIoControl;
    let DriveRoot::Letter { letter } = root else {
        return None;
    };
    let volume: Vec<u16> = format!(r"\\.\{letter}:")
        .encode_utf16()
        .chain(std::iter::once(0))
        .collect();
    // SAFETY: `volume` is a NUL-terminated UTF-16 string that outlives the call. Access 0 asks
    // for no right to the volume's data, only for its device's properties.
    let handle = unsafe {
        CreateFileW(
            volume.as_ptr(),
            0,
            FILE_SHARE_READ | FILE_SHARE_WRITE,
            std::ptr::null(),
            OPEN_EXISTING,
            0,
            std::ptr::null_mut(),
        )
    };
    if handle == INVALID_HANDLE_VALUE {
        return None;
    }
    let query = STORAGE_PROPERTY_QUERY {
        PropertyId: StorageDeviceProperty,
        QueryType: PropertyStandardQuery,
        AdditionalParameters: [0],
    };
    let mut descriptor = STORAGE_DEVICE_DESCRIPTOR::default();
    let mut returned = 0u32;
    let size = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    // SAFETY: `query` and `descriptor` outlive the call, with their sizes given; no OVERLAPPED,
    // so the call is synchronous. The handle is closed once, right after.
    let ok = unsafe {
        let ok = DeviceIoControl(
            handle,
            IOCTL_STORAGE_QUERY_PROPERTY,
            std::ptr::from_ref(&query).cast(),
            size(std::mem::size_of::<STORAGE_PROPERTY_QUERY>()),
            std::ptr::from_mut(&mut descriptor).cast(),
            size(std::mem::size_of::<STORAGE_DEVICE_DESCRIPTOR>()),
            &mut returned,
            std::ptr::null_mut(),
        );
        CloseHandle(handle);
        ok
    };
    // The bus type counts only when the answer reached it.
    let bus_end = std::mem::offset_of!(STORAGE_DEVICE_DESCRIPTOR, BusType)
        + std::mem::size_of_val(&descriptor.BusType);
    (ok != 0 && usize::try_from(returned).is_ok_and(|n| n >= bus_end))
        .then_some(descriptor.BusType == BusTypeUsb)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roots_of_windows_paths() {
        let letter = |c| Some(DriveRoot::Letter { letter: c });
        assert_eq!(drive_root(r"d:\backup"), letter('D'));
        assert_eq!(drive_root("E:/backup/daily"), letter('E'));
        assert_eq!(drive_root(r"\\?\F:\x"), letter('F'));
        let share = DriveRoot::Unc {
            server: "nas".into(),
            share: "backup".into(),
        };
        let unc = Some(share.clone());
        assert_eq!(drive_root(r"\\nas\backup\daily"), unc);
        assert_eq!(drive_root(r"\\?\UNC\nas\backup\daily"), unc);
        assert_eq!(drive_root("//nas/backup"), unc);
        for none in ["/srv/backup", "backup", r"\\nas", "", "1:\\x", r"\\"] {
            assert_eq!(drive_root(none), None, "{none}");
        }
        assert_eq!(share.root_path(), r"\\nas\backup\");
    }

    #[test]
    fn connected_targets_are_said() {
        let usb_codes = |path: &str, kind, usb| {
            placement(path, kind, usb, Some('C'))
                .map(|(_, w)| {
                    w.iter()
                        .map(|m| crate::probes::Msg::Windows(m.clone()).code())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        };
        let codes = |path: &str, kind| usb_codes(path, kind, None);
        assert_eq!(
            codes(r"\\nas\backup", DriveKind::Remote),
            ["backup-on-network-share"]
        );
        assert_eq!(
            codes(r"Z:\backup", DriveKind::Remote),
            ["backup-on-mapped-drive"]
        );
        assert_eq!(
            codes(r"E:\backup", DriveKind::Removable),
            ["backup-on-removable-drive"]
        );
        assert_eq!(
            codes(r"c:\backup", DriveKind::Fixed),
            ["backup-on-system-drive"]
        );
        assert!(codes(r"D:\backup", DriveKind::Fixed).is_empty());
        assert!(codes("/srv/backup", DriveKind::Fixed).is_empty());
        // A USB hard disk says "fixed": its bus tells it from an internal disk.
        assert_eq!(
            usb_codes(r"F:\backup", DriveKind::Fixed, Some(true)),
            ["backup-on-usb-disk"]
        );
        assert!(usb_codes(r"D:\backup", DriveKind::Fixed, Some(false)).is_empty());
        assert_eq!(
            usb_codes(r"E:\backup", DriveKind::Removable, Some(true)),
            ["backup-on-removable-drive"]
        );
        assert_eq!(
            usb_codes(r"\\nas\backup", DriveKind::Remote, Some(false)),
            ["backup-on-network-share"]
        );
        let (recorded, _) = placement(r"F:\backup", DriveKind::Fixed, Some(true), None).unwrap();
        assert_eq!(
            serde_json::to_value(&recorded).unwrap(),
            serde_json::json!({"root": {"kind": "letter", "letter": "F"},
                "drive_type": "fixed", "usb": true, "system_drive": null})
        );
        assert_eq!(system_drive(Some("C:")), Some('C'));
        assert_eq!(system_drive(None), None);
        assert_eq!(DriveKind::from_code(4), DriveKind::Remote);
        assert_eq!(DriveKind::from_code(0), DriveKind::Unknown);
    }
}
