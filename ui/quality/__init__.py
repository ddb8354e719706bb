"""The lead's quality control: arbitration between two keyings."""
