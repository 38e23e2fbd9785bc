//! One integration test binary (keeps link time down); each module is one part of the spec.

mod adversarial;
mod bulk;
mod client;
mod codegen;
mod common;
mod coverage;
mod first_hour;
mod hostile;
mod props;
mod raw_client;
mod readme;
mod rules;
mod update;
mod v2025;
