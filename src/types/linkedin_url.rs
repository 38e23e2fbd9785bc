//! `LinkedinUrl`: `linkedin_url` of Zoom's current spec.

use crate::types::Rule;
use crate::types::string_type::string_type;

/// A LinkedIn link: an `http://` or `https://` URL whose host is `linkedin.com` or one of its
/// subdomains (the spec: "The URL must contain `linkedin.com`"; a URL that only mentions it
/// elsewhere, `https://example.com/?linkedin.com`, is refused). Kept as given.
///
/// ```
/// use zoom_user_update::LinkedinUrl;
///
/// assert!("https://www.linkedin.com/in/grace-hopper".parse::<LinkedinUrl>().is_ok());
/// assert!("https://example.com/?linkedin.com".parse::<LinkedinUrl>().is_err());
/// assert!("linkedin.com/in/grace".parse::<LinkedinUrl>().is_err()); // no scheme
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LinkedinUrl(String);

impl LinkedinUrl {
    pub(crate) fn check(s: &str) -> Result<(), Rule> {
        let url = reqwest::Url::parse(s).map_err(|_| Rule::NotLinkedinUrl)?;
        // An http(s) URL's host is lowercase once parsed.
        let linkedin = url
            .domain()
            .is_some_and(|host| host == "linkedin.com" || host.ends_with(".linkedin.com"));
        if matches!(url.scheme(), "http" | "https") && linkedin && !s.contains(char::is_whitespace)
        {
            Ok(())
        } else {
            Err(Rule::NotLinkedinUrl)
        }
    }
}

string_type!(LinkedinUrl, owned, rule "an http(s) URL on linkedin.com (the host or a subdomain)");
