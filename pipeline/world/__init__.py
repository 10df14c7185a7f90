"""What is true of the world: UN country names, M49 regions, the cities' gazetteer."""
