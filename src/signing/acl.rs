//! Windows: a file only its owner can open, the counterpart of Unix mode 0600.
//!
//! The file's access list (DACL) is replaced by one entry, full control for the user running
//! medsec, and marked protected so that the folder's inherited entries (Users, Authenticated
//! Users, a shared folder's groups) no longer apply. It is set on the open, still empty file,
//! before any byte of a secret key is written (`crate::atomic::write` with a private mode).
//! Administrators can still take ownership, as root can read a 0600 file on Unix.

use std::fs::File;
use std::io;
use std::os::windows::io::AsRawHandle;
use windows_sys::Win32::Foundation::{CloseHandle, LocalFree, HANDLE};
use windows_sys::Win32::Security::Authorization::{
    GetSecurityInfo, SetSecurityInfo, SE_FILE_OBJECT,
};
use windows_sys::Win32::Security::{
    AclSizeInformation, AddAccessAllowedAce, EqualSid, GetAce, GetAclInformation, GetLengthSid,
    GetSecurityDescriptorControl, GetTokenInformation, InitializeAcl, TokenUser,
    ACCESS_ALLOWED_ACE, ACL, ACL_REVISION, ACL_SIZE_INFORMATION, DACL_SECURITY_INFORMATION,
    PROTECTED_DACL_SECURITY_INFORMATION, PSECURITY_DESCRIPTOR, SE_DACL_PROTECTED, TOKEN_QUERY,
    TOKEN_USER,
};
use windows_sys::Win32::Storage::FileSystem::{FILE_ALL_ACCESS, READ_CONTROL, WRITE_DAC};
use windows_sys::Win32::System::Threading::{GetCurrentProcess, OpenProcessToken};

/// The access a handle needs, beyond writing, to have its access list replaced and read back.
pub const EXTRA_ACCESS: u32 = WRITE_DAC | READ_CONTROL;

/// The current user's SID, copied out of the process token (a `TOKEN_USER` buffer).
struct CurrentUser {
    buffer: Vec<u64>,
}

impl CurrentUser {
    fn get() -> io::Result<Self> {
        let mut token: HANDLE = std::ptr::null_mut();
        // SAFETY: the pseudo handle of the current process needs no closing; token is written
        // by the call and closed below.
        if unsafe { OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &mut token) } == 0 {
            return Err(io::Error::last_os_error());
        }
        let mut needed = 0u32;
        // SAFETY: a size query with no buffer.
        unsafe { GetTokenInformation(token, TokenUser, std::ptr::null_mut(), 0, &mut needed) };
        // u64 elements keep the TOKEN_USER and the SID after it aligned.
        let mut buffer = vec![0u64; (needed as usize).div_ceil(8).max(2)];
        let size = u32::try_from(buffer.len() * 8).unwrap_or(u32::MAX);
        // SAFETY: the buffer is `size` bytes long and lives past the call.
        let ok = unsafe {
            GetTokenInformation(
                token,
                TokenUser,
                buffer.as_mut_ptr().cast(),
                size,
                &mut needed,
            )
        };
        let err = io::Error::last_os_error();
        // SAFETY: token came from OpenProcessToken above.
        unsafe { CloseHandle(token) };
        if ok == 0 {
            return Err(err);
        }
        Ok(CurrentUser { buffer })
    }

    fn sid(&self) -> *mut core::ffi::c_void {
        // SAFETY: GetTokenInformation filled the buffer with a TOKEN_USER, whose SID pointer
        // points into the same buffer.
        unsafe { (*self.buffer.as_ptr().cast::<TOKEN_USER>()).User.Sid }
    }
}

/// Replace the access list of `file` (opened with [`EXTRA_ACCESS`]) by one entry: full
/// control for the current user; inherited entries no longer apply.
pub fn make_private(file: &File) -> io::Result<()> {
    let user = CurrentUser::get()?;
    let sid = user.sid();
    // SAFETY: sid points to a valid SID inside `user`.
    let sid_len = unsafe { GetLengthSid(sid) } as usize;
    // An ACL header, one ACCESS_ALLOWED_ACE (whose SidStart holds the SID's first 4 bytes)
    // and the SID.
    let acl_len = std::mem::size_of::<ACL>() + std::mem::size_of::<ACCESS_ALLOWED_ACE>() + sid_len;
    let mut acl_buffer = vec![0u64; acl_len.div_ceil(8)];
    let acl = acl_buffer.as_mut_ptr().cast::<ACL>();
    let acl_size = u32::try_from(acl_buffer.len() * 8).unwrap_or(u32::MAX);
    // SAFETY: the buffer is acl_size bytes, aligned, and outlives every use of acl.
    unsafe {
        if InitializeAcl(acl, acl_size, ACL_REVISION) == 0
            || AddAccessAllowedAce(acl, ACL_REVISION, FILE_ALL_ACCESS, sid) == 0
        {
            return Err(io::Error::last_os_error());
        }
    }
    // SAFETY: the handle is the open file's; acl is a valid ACL built above.
    let status = unsafe {
        SetSecurityInfo(
            file.as_raw_handle(),
            SE_FILE_OBJECT,
            DACL_SECURITY_INFORMATION | PROTECTED_DACL_SECURITY_INFORMATION,
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            acl,
            std::ptr::null(),
        )
    };
    if status != 0 {
        return Err(io::Error::from_raw_os_error(status as i32));
    }
    Ok(())
}

/// Whether `file`'s access list is what [`make_private`] sets: protected from inheritance,
/// every entry allowing access to the current user only. `file` needs READ_CONTROL access.
pub fn is_private(file: &File) -> io::Result<bool> {
    let user = CurrentUser::get()?;
    let mut dacl: *mut ACL = std::ptr::null_mut();
    let mut descriptor: PSECURITY_DESCRIPTOR = std::ptr::null_mut();
    // SAFETY: out-pointers are valid; descriptor is freed with LocalFree below.
    let status = unsafe {
        GetSecurityInfo(
            file.as_raw_handle(),
            SE_FILE_OBJECT,
            DACL_SECURITY_INFORMATION,
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            &mut dacl,
            std::ptr::null_mut(),
            &mut descriptor,
        )
    };
    if status != 0 {
        return Err(io::Error::from_raw_os_error(status as i32));
    }
    // SAFETY: descriptor and dacl come from GetSecurityInfo and are valid until LocalFree.
    let private = unsafe {
        let mut control = 0u16;
        let mut revision = 0u32;
        let protected = GetSecurityDescriptorControl(descriptor, &mut control, &mut revision) != 0
            && control & SE_DACL_PROTECTED != 0;
        let mut info = ACL_SIZE_INFORMATION {
            AceCount: 0,
            AclBytesInUse: 0,
            AclBytesFree: 0,
        };
        let only_user = !dacl.is_null()
            && GetAclInformation(
                dacl,
                (&mut info as *mut ACL_SIZE_INFORMATION).cast(),
                std::mem::size_of::<ACL_SIZE_INFORMATION>() as u32,
                AclSizeInformation,
            ) != 0
            && info.AceCount > 0
            && (0..info.AceCount).all(|i| {
                let mut ace: *mut core::ffi::c_void = std::ptr::null_mut();
                GetAce(dacl, i, &mut ace) != 0 && {
                    let ace = ace.cast::<ACCESS_ALLOWED_ACE>();
                    // Type 0 is ACCESS_ALLOWED_ACE_TYPE; the SID starts at SidStart.
                    (*ace).Header.AceType == 0
                        && EqualSid(std::ptr::addr_of_mut!((*ace).SidStart).cast(), user.sid()) != 0
                }
            });
        LocalFree(descriptor);
        protected && only_user
    };
    Ok(private)
}
