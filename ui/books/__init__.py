"""The books tab: the station's queue of books."""
