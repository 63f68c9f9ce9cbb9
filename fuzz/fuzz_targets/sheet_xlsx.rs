#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    medsec::fuzzing::sheet_xlsx(data);
});
