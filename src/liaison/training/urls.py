from liaison.core.views import family_urls
from liaison.training.views import ATTENDANCE

app_name = "training"
urlpatterns = family_urls(ATTENDANCE, "attendance/")
