//! The label taxonomy (`shared/eval/TAXONOMY.md`): Presidio's entity names plus
//! MEDICAL_RECORD_NUMBER, HEALTH_PLAN_ID and SECRET. Policies, scan output and
//! audit records all speak these names.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

macro_rules! labels {
    ($($variant:ident => $name:literal, $structured:literal;)*) => {
        /// One taxonomy label.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
        pub enum Label {
            $($variant,)*
        }

        impl Label {
            /// Every label, in declaration order.
            pub const ALL: &'static [Label] = &[$(Label::$variant,)*];

            /// The taxonomy name, e.g. `EMAIL_ADDRESS`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Label::$variant => $name,)*
                }
            }

            /// Structured labels are found by patterns and validators; the others
            /// (names, places, organizations, NRP) need a language model or, for
            /// NRP, a dictionary read with the words around it.
            pub fn is_structured(self) -> bool {
                match self {
                    $(Label::$variant => $structured,)*
                }
            }
        }
    };
}

labels! {
    Person => "PERSON", false;
    Location => "LOCATION", false;
    Organization => "ORGANIZATION", false;
    Nrp => "NRP", false;
    EmailAddress => "EMAIL_ADDRESS", true;
    PhoneNumber => "PHONE_NUMBER", true;
    CreditCard => "CREDIT_CARD", true;
    IbanCode => "IBAN_CODE", true;
    UsSsn => "US_SSN", true;
    UsPassport => "US_PASSPORT", true;
    UsDriverLicense => "US_DRIVER_LICENSE", true;
    UsBankNumber => "US_BANK_NUMBER", true;
    IpAddress => "IP_ADDRESS", true;
    MacAddress => "MAC_ADDRESS", true;
    Url => "URL", true;
    DateTime => "DATE_TIME", true;
    MedicalRecordNumber => "MEDICAL_RECORD_NUMBER", true;
    HealthPlanId => "HEALTH_PLAN_ID", true;
    Crypto => "CRYPTO", true;
    UkNhs => "UK_NHS", true;
    Secret => "SECRET", true;
}

impl Label {
    /// Index into per-label tables (`[T; Label::COUNT]`).
    pub fn index(self) -> usize {
        self as usize
    }

    /// Number of labels.
    pub const COUNT: usize = Label::ALL.len();
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A label name that is not in the taxonomy.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown label `{0}`")]
pub struct UnknownLabel(pub String);

impl FromStr for Label {
    type Err = UnknownLabel;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Label::ALL
            .iter()
            .copied()
            .find(|l| l.as_str() == s)
            .ok_or_else(|| UnknownLabel(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for &label in Label::ALL {
            assert_eq!(label.as_str().parse::<Label>(), Ok(label));
            assert_eq!(Label::ALL[label.index()], label);
        }
        assert!("EMAIL".parse::<Label>().is_err());
    }

    #[test]
    fn serde_uses_taxonomy_names() {
        let json = serde_json::to_string(&Label::UsSsn).unwrap();
        assert_eq!(json, "\"US_SSN\"");
        let back: Label = serde_json::from_str("\"MEDICAL_RECORD_NUMBER\"").unwrap();
        assert_eq!(back, Label::MedicalRecordNumber);
    }
}
