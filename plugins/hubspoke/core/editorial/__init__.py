"""Editorial tooling: policy, reports, runway, charts and new-file scaffolds."""
