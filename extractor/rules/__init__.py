"""Pattern rules that find what no gazetteer lists, each a spaCy component."""
