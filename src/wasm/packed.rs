//! A [`Rendered`] handed to JS the cheap way: packed as UTF-16 by [`crate::packed`] into a buffer
//! this module keeps, and returned as a `Uint16Array` over it, which `.ci/npm/rendered.js`
//! decodes into the plain object `renderPost` returns. Any export returning a rendered post
//! (plus strings of its own) uses [`to_js`] and that file's `unpack`.

use crate::packed::pack_into;
use crate::Rendered;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    /// The last packed post. It must outlive the call (JS reads it after the export returns) and
    /// is reused by the next, which saves an allocation per call.
    static BUFFER: RefCell<Vec<u16>> = const { RefCell::new(Vec::new()) };
}

/// `post` (and `extra` after its strings) as a view of this instance's memory: valid until the
/// next call into the module, so JS must decode it at once, before it calls in again.
pub fn to_js(post: &Rendered, extra: &[&str]) -> JsValue {
    BUFFER.with(|buffer| {
        let mut buffer = buffer.borrow_mut();
        pack_into(&mut buffer, post, extra);
        let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
        // The address of the buffer in linear memory: wasm32 pointers are offsets into it.
        let offset = buffer.as_ptr() as usize as u32;
        js_sys::Uint16Array::new_with_byte_offset_and_length(
            &memory.buffer(),
            offset,
            buffer.len() as u32,
        )
        .into()
    })
}
