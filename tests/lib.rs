//! One integration test binary (keeps link time down); each module is one part of the spec.
//! What several modules share (full bodies, helpers, the misbehaving server) is the
//! `zoom-test-support` crate's.

mod adversarial;
mod bulk;
mod client;
mod codegen;
mod coverage;
mod editions;
mod errors;
mod hostile;
mod props;
mod quickstart;
mod raw_client;
mod readme;
mod rules;
mod v2021;
mod v2025;
