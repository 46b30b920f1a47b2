from label.models import Edition


def site(request):
    """Values every page needs: whether the data shown is demo data (one query)."""
    return {"donnees_demo": Edition.objects.filter(donnees_demo=True).exists()}
