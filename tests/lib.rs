//! One integration test binary (keeps link time down); each module is one part of the spec.

mod codegen;
mod raw_client;
